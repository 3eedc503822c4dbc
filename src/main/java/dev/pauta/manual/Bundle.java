package dev.pauta.manual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The documents of one manual version, by path in the repository layout
 * ({@code manual/es/values.md}, {@code rules/compensation.drl}, {@code rules/tests/compensation.yaml}).
 * Immutable; the unit of validation, whatever it was read from.
 */
public record Bundle(Map<String, String> documents) {

    public Bundle {
        documents = Collections.unmodifiableMap(new TreeMap<>(documents));
    }

    /** Reads {@code manual/**} and {@code rules/**} below a folder in the repository layout. */
    public static Bundle fromFolder(Path root) {
        Map<String, String> documents = new TreeMap<>();
        for (String top : new String[] {"manual", "rules"}) {
            Path dir = root.resolve(top);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    if (isDocumentPath(path)) {
                        documents.put(path, Files.readString(file, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
        }
        return new Bundle(documents);
    }

    /** Sections, rules and scenario files; anything else under manual/ or rules/ (a README, say) is not part of a bundle. */
    public static final Pattern DOCUMENT_PATH = Pattern.compile(
            "manual/[a-z]{2}(-[A-Z]{2})?/[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\.md|rules/[a-z0-9][a-z0-9-]*\\.drl|rules/tests/[a-z0-9][a-z0-9-]*\\.ya?ml");

    /** The longest document path the store keeps. */
    public static final int MAX_PATH_LENGTH = 300;

    public static boolean isDocumentPath(String path) {
        return path != null && path.length() <= MAX_PATH_LENGTH && DOCUMENT_PATH.matcher(path).matches();
    }

    /** SHA-256 over paths and contents, so equal bundles hash equal wherever they came from. */
    public String hash() {
        MessageDigest digest = DigestUtils.getSha256Digest();
        documents.forEach((path, content) -> {
            DigestUtils.updateDigest(digest, path);
            digest.update((byte) 0);
            DigestUtils.updateDigest(digest, content);
            digest.update((byte) 0);
        });
        return Hex.encodeHexString(digest.digest());
    }

    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> selected = new TreeMap<>();
        documents.forEach((path, content) -> {
            if (path.startsWith(prefix)) {
                selected.put(path, content);
            }
        });
        return selected;
    }
}
