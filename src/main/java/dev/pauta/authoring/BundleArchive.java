package dev.pauta.authoring;

import dev.pauta.manual.Bundle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A bundle as a zip in the repository layout, so teams can keep the manual in git; reading is bounded against zip bombs. */
final class BundleArchive {

    static final int MAX_ENTRIES = 2_000;
    static final long MAX_TOTAL_CHARS = 20_000_000;

    private BundleArchive() {
    }

    static byte[] write(Bundle bundle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> document : bundle.documents().entrySet()) {
                zip.putNextEntry(new ZipEntry(document.getKey()));
                zip.write(document.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The bundle documents in a zip; a leading folder shared by every entry (as in a git archive) is dropped. */
    static Bundle read(byte[] archive) {
        Map<String, String> raw = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new AuthoringException.BadInput("zip", "the zip holds more than " + MAX_ENTRIES + " entries");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || name.contains("../") || name.contains("/..")) {
                    throw new AuthoringException.BadInput("zip", "entry '" + name + "' points outside the bundle");
                }
                byte[] content = readBounded(zip, DraftEdits.MAX_DOCUMENT_CHARS * 4L, name);
                total += content.length;
                if (total > MAX_TOTAL_CHARS) {
                    throw new AuthoringException.BadInput("zip", "the zip unpacks to more than " + MAX_TOTAL_CHARS + " bytes");
                }
                String text = utf8(content, name);
                if (text.length() > DraftEdits.MAX_DOCUMENT_CHARS) {
                    throw new AuthoringException.BadInput("zip", "entry '" + name + "' has " + text.length() + " characters; a document may hold at most "
                            + DraftEdits.MAX_DOCUMENT_CHARS);
                }
                raw.put(name, text);
            }
        } catch (IOException e) {
            throw new AuthoringException.BadInput("zip", "the upload is not a readable zip: " + e.getMessage());
        }
        String prefix = commonFolder(raw);
        Map<String, String> documents = new TreeMap<>();
        raw.forEach((name, content) -> {
            String path = name.substring(prefix.length());
            if (path.length() > Bundle.MAX_PATH_LENGTH && Bundle.DOCUMENT_PATH.matcher(path).matches()) {
                throw new AuthoringException.BadInput("zip", "entry '" + path.substring(0, 60) + "…' has a path longer than " + Bundle.MAX_PATH_LENGTH + " characters");
            }
            if (Bundle.isDocumentPath(path)) {
                documents.put(path, content);
            }
        });
        if (documents.isEmpty()) {
            throw new AuthoringException.BadInput("zip", "the zip holds no manual/<locale>/*.md or rules/*.drl documents");
        }
        return new Bundle(documents);
    }

    private static byte[] readBounded(ZipInputStream zip, long max, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = zip.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw new AuthoringException.BadInput("zip", "entry '" + name + "' is larger than a document may be");
            }
        }
        return out.toByteArray();
    }

    private static String utf8(byte[] content, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new AuthoringException.BadInput("zip", "entry '" + name + "' is not UTF-8 text");
        }
    }

    private static String commonFolder(Map<String, String> entries) {
        if (entries.keySet().stream().anyMatch(n -> n.startsWith("manual/") || n.startsWith("rules/"))) {
            return "";
        }
        String first = entries.keySet().stream().findFirst().orElse("");
        int slash = first.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String folder = first.substring(0, slash + 1);
        return entries.keySet().stream().allMatch(n -> n.startsWith(folder)) ? folder : "";
    }
}
