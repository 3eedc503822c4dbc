package dev.pauta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The shipped bundle, the frozen fixture bundle, and copies of either in a temporary folder, to break on purpose. */
public final class TestBundles {

    private TestBundles() {
    }

    /** The repository root when tests run from Maven: the manual and rules a policy owner edits. */
    public static Path shipped() {
        return Path.of("").toAbsolutePath();
    }

    /** The small bundle engine and API tests run on, frozen so that a policy edit of the shipped one leaves them alone. */
    public static Path fixture() {
        return Path.of("src/test/resources/bundles/fixture").toAbsolutePath();
    }

    public static Path copyOfShipped(Path target) {
        return copy(shipped(), target);
    }

    public static Path copyOfFixture(Path target) {
        return copy(fixture(), target);
    }

    private static Path copy(Path bundle, Path target) {
        try {
            for (String top : new String[] {"manual", "rules"}) {
                try (Stream<Path> files = Files.walk(bundle.resolve(top))) {
                    for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                        Path to = target.resolve(bundle.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(file, to);
                        }
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path root, String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
