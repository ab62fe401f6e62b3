package dev.qfl.stdlib.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qfl.stdlib.QflException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAccessTest {
    @TempDir
    Path dir;

    @Test
    void pathsInsideTheRootAreAllowedAndOutsideRefused() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        FileAccess access = FileAccess.within(root, true);
        assertEquals(root.toRealPath().resolve("data/x.csv"), access.check(root.resolve("data/x.csv")));
        for (Path outside : new Path[] {dir.resolve("secret.csv"), root.resolve("../secret.csv"), Path.of("/etc/passwd")}) {
            QflException e = assertThrows(QflException.class, () -> access.check(outside), outside::toString);
            assertEquals("QF5021", e.code());
        }
    }

    @Test
    void aLinkLeadingOutOfTheRootIsRefused() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path secret = Files.writeString(dir.resolve("secret.csv"), "a\n");
        Path outsideFolder = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("link.csv"), secret);
        Files.createSymbolicLink(root.resolve("out"), outsideFolder);
        FileAccess access = FileAccess.within(root, true);
        assertEquals("QF5021", assertThrows(QflException.class, () -> access.check(root.resolve("link.csv"))).code());
        assertEquals("QF5021", assertThrows(QflException.class, () -> access.check(root.resolve("out/new.csv"))).code());
    }

    @Test
    void unrestrictedAccessAllowsAnything() {
        Path p = Path.of("/etc/passwd");
        assertEquals(p, FileAccess.unrestricted().check(p));
    }
}
