package dev.qfl.api;

/** The QFL version, as {@code qfl --version} prints it. */
public final class QflVersion {
    private QflVersion() {
    }

    public static String get() {
        return dev.qfl.stdlib.QflVersion.get();
    }
}
