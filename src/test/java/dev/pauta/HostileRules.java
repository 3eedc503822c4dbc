package dev.pauta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hostile rule corpus in src/test/resources/hostile-rules: one otherwise valid rule file per attack, each of which
 * would create {@link #MARKER} or send back the admin password if it ever ran.
 */
public final class HostileRules {

    public static final Path CORPUS = Path.of("src/test/resources/hostile-rules");
    /** What a hostile rule that ran would have created. */
    public static final Path MARKER = Path.of("target/hostile-marker");

    private HostileRules() {
    }

    /** The corpus file names, sorted; a parameter source for tests. */
    public static List<String> files() {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String file) {
        try {
            return Files.readString(CORPUS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a marker left by an earlier run, so its absence afterwards says something about this one. */
    public static void clearMarker() {
        try {
            Files.deleteIfExists(MARKER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
