package dev.pauta.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A section file split into the front matter an owner edits as fields and the Markdown body. Writing it back replaces
 * only the lines of the fields edited, so comments, other keys and the body stay as they were; values are written by
 * SnakeYAML, so a colon or a quote in a title stays text. The reader that builds releases checks the result.
 */
record SectionFields(String title, String kind, String channels, String tags, String owner, String reviewBy, String body) {

    static final List<String> EDITED = List.of("title", "kind", "channels", "tags", "owner", "reviewBy");
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} _.-]+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String FENCE = "---";

    /** The fields of a section file, or empty when it does not open with front matter. */
    static Optional<SectionFields> read(String content) {
        Optional<String[]> parts = split(content);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Object loaded;
        try {
            LoaderOptions limits = new LoaderOptions();
            limits.setAllowDuplicateKeys(false);
            limits.setMaxAliasesForCollections(0);
            loaded = new Yaml(new SafeConstructor(limits)).load(parts.get()[0]);
        } catch (RuntimeException notYaml) {
            return Optional.empty();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        return Optional.of(new SectionFields(text(map.get("title")), text(map.get("kind")), list(map.get("channels")), list(map.get("tags")),
                text(map.get("owner")), date(map.get("reviewBy")), parts.get()[1]));
    }

    /** {@code original} with these fields and this body; every other line of its front matter kept as it was. */
    String writeInto(String original) {
        String[] parts = split(original).orElse(new String[] {"", ""});
        List<String> lines = new ArrayList<>(parts[0].isEmpty() ? List.of() : List.of(parts[0].split("\n", -1)));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", scalar(title));
        values.put("kind", scalar(kind));
        values.put("channels", flowList(channels));
        values.put("tags", flowList(tags));
        values.put("owner", scalar(owner));
        values.put("reviewBy", reviewBy == null || !DATE.matcher(reviewBy.strip()).matches() ? scalar(reviewBy) : reviewBy.strip());
        for (Map.Entry<String, String> field : values.entrySet()) {
            String line = field.getKey() + ": " + field.getValue();
            int at = indexOfKey(lines, field.getKey());
            if (at >= 0) {
                lines.set(at, line);
            } else {
                lines.add(line);
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return FENCE + "\n" + String.join("\n", lines) + "\n" + FENCE + "\n" + (body == null ? "" : body.replace("\r\n", "\n"));
    }

    /** [front matter, body], or empty when the file does not open with a fenced front matter. */
    private static Optional<String[]> split(String content) {
        String text = content == null ? "" : content.replace("\r\n", "\n");
        if (!text.startsWith(FENCE + "\n")) {
            return Optional.empty();
        }
        int end = text.indexOf("\n" + FENCE + "\n", FENCE.length());
        if (end < 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {text.substring(FENCE.length() + 1, end), text.substring(end + FENCE.length() + 2)});
    }

    private static int indexOfKey(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + ":")) {
                return i;
            }
        }
        return -1;
    }

    private static String scalar(String value) {
        String v = value == null ? "" : value.strip();
        if (PLAIN.matcher(v).matches() && !v.isEmpty() && Character.isLetter(v.charAt(0))) {
            return v;
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(v).strip();
    }

    private static String flowList(String commaSeparated) {
        List<String> items = new ArrayList<>();
        for (String item : (commaSeparated == null ? "" : commaSeparated).split(",")) {
            if (!item.isBlank()) {
                items.add(scalar(item));
            }
        }
        return "[" + String.join(", ", items) + "]";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String list(Object value) {
        return value instanceof List<?> items ? String.join(", ", items.stream().map(String::valueOf).toList()) : text(value);
    }

    private static String date(Object value) {
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
        return text(value);
    }
}
