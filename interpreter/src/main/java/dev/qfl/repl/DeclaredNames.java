package dev.qfl.repl;

import dev.qfl.api.QflSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a REPL session has declared, by what they are, read from
 * {@link QflSession#describe()} (lines such as {@code model naive: ...}).
 *
 * @param series series names
 * @param models model names
 * @param lets   names bound with {@code let}
 */
public record DeclaredNames(List<String> series, List<String> models, List<String> lets) {
    public DeclaredNames {
        series = List.copyOf(series);
        models = List.copyOf(models);
        lets = List.copyOf(lets);
    }

    public static DeclaredNames of(QflSession session) {
        return parse(session.describe());
    }

    static DeclaredNames parse(List<String> describeLines) {
        List<String> series = new ArrayList<>();
        List<String> models = new ArrayList<>();
        List<String> lets = new ArrayList<>();
        for (String line : describeLines) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = nameOf(line);
            switch (line.substring(0, space)) {
                case "series" -> series.add(name);
                case "model" -> models.add(name);
                case "let" -> lets.add(name);
                default -> {
                }
            }
        }
        return new DeclaredNames(series, models, lets);
    }

    /** The name in a {@code describe()} line such as {@code model naive: ...}. */
    static String nameOf(String describeLine) {
        int space = describeLine.indexOf(' ');
        String rest = space < 0 ? describeLine : describeLine.substring(space + 1);
        int colon = rest.indexOf(':');
        return (colon < 0 ? rest : rest.substring(0, colon)).strip();
    }

    /** Every name, series first. */
    public List<String> all() {
        List<String> out = new ArrayList<>(series);
        out.addAll(models);
        out.addAll(lets);
        return out;
    }
}
