package dev.pauta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies of the shipped bundle in a temporary folder, to break on purpose. */
public final class TestBundles {

    private TestBundles() {
    }

    /** The repository root when tests run from Maven. */
    public static Path shipped() {
        return Path.of("").toAbsolutePath();
    }

    public static Path copyOfShipped(Path target) {
        try {
            for (String top : new String[] {"manual", "rules"}) {
                Path from = shipped().resolve(top);
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                        Path to = target.resolve(shipped().relativize(file).toString());
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
