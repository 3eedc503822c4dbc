package dev.pauta.manual;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The YAML block that opens a section file, checked field by field and reported at each field's own line, and where
 * the Markdown body after it begins ({@code bodyLineOffset} lines precede it).
 */
record FrontMatter(String id, String title, String kind, String locale, List<String> channels, List<String> tags, String owner,
                   LocalDate reviewBy, String body, int bodyLineOffset) {

    /** Section ids: lower-case words joined by '-'; links whose target has this shape point at a section. */
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final List<String> REQUIRED = List.of("id", "title", "kind", "locale", "channels", "tags", "owner", "reviewBy");
    /** The YAML starts on the file's second line, after the opening '---'. */
    private static final int YAML_FIRST_LINE = 2;

    /** The front matter of a section file in {@code manual/<folderLocale>/}, or null with the problems that keep it from being read. */
    static FrontMatter read(String path, String folderLocale, String content, List<Problem> problems) {
        String text = content.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            problems.add(Problem.at(path, 1, "the file does not start with YAML front matter",
                    "begin with a line '---', the fields " + String.join(", ", REQUIRED) + ", and a closing '---'"));
            return null;
        }
        int end = text.indexOf("\n---", 3);
        if (end < 0) {
            problems.add(Problem.at(path, 1, "the front matter is never closed", "add a line '---' after the last field"));
            return null;
        }
        YamlTree.Mapping fields = fields(path, text.substring(4, end + 1), problems);
        if (fields == null) {
            return null;
        }
        int bodyStart = text.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        int bodyLineOffset = (int) text.substring(0, bodyStart < 0 ? text.length() : bodyStart + 1).chars().filter(c -> c == '\n').count();
        return new Checks(path, fields, problems).frontMatter(folderLocale, body, bodyLineOffset);
    }

    private static YamlTree.Mapping fields(String path, String yaml, List<Problem> problems) {
        YamlTree.Value root;
        try {
            root = YamlTree.read(yaml);
        } catch (YamlTree.Unreadable e) {
            problems.add(e.tooLarge()
                    ? Problem.at(path, 1, "the front matter cannot be read: " + e.getMessage(), "write one 'field: value' per line")
                    : Problem.at(path, e.line() + YAML_FIRST_LINE - 1, "the front matter is not valid YAML: " + e.getMessage(), "check quotes, colons and list brackets"));
            return null;
        }
        if (!(root instanceof YamlTree.Mapping mapping)) {
            problems.add(Problem.at(path, YAML_FIRST_LINE, "the front matter is not a set of 'field: value' lines", "write one 'field: value' per line"));
            return null;
        }
        return mapping;
    }

    /** The field checks of one file; each problem names the line of the field it is about. */
    private record Checks(String path, YamlTree.Mapping fields, List<Problem> problems) {

        FrontMatter frontMatter(String folderLocale, String body, int bodyLineOffset) {
            int before = problems.size();
            for (String field : REQUIRED) {
                if (absent(fields.get(field))) {
                    problems.add(problem(field, "the front matter has no '" + field + "'", "add '" + field + ": …' to the front matter"));
                }
            }
            if (problems.size() > before) {
                return null;
            }
            String id = single("id");
            if (id != null && !ID.matcher(id).matches()) {
                problems.add(problem("id", "the id '" + id + "' is not lower-case words joined by '-'", "use an id such as 'delay-compensation'"));
            }
            String locale = single("locale");
            if (locale != null && !locale.equals(folderLocale)) {
                problems.add(problem("locale", "the locale '" + locale + "' does not match the folder '" + folderLocale + "'",
                        "set 'locale: " + folderLocale + "' or move the file to manual/" + locale + "/"));
            }
            String kind = single("kind");
            if (kind != null && !ManualReader.KINDS.contains(kind)) {
                problems.add(problem("kind", "unknown kind '" + kind + "'", "use one of " + String.join(", ", ManualReader.KINDS.stream().sorted().toList())));
            }
            List<String> channels = words("channels", "write channels: [PHONE, EMAIL] or [ALL]");
            List<String> tags = words("tags", "write tags: [word, other word]");
            LocalDate reviewBy = date(fields.get("reviewBy"));
            if (reviewBy == null) {
                problems.add(problem("reviewBy", "'reviewBy' is not a date", "write an ISO date such as 2027-06-30"));
            }
            String title = single("title");
            String owner = single("owner");
            if (problems.size() > before) {
                return null;
            }
            return new FrontMatter(id, title, kind, locale, channels, tags, owner, reviewBy, body, bodyLineOffset);
        }

        private static boolean absent(YamlTree.Value value) {
            return value == null || value instanceof YamlTree.Scalar scalar && (scalar.value() == null || String.valueOf(scalar.value()).isBlank());
        }

        /** The field's one value as text, or null with a problem when it holds a list or a mapping. */
        private String single(String field) {
            if (fields.get(field) instanceof YamlTree.Scalar scalar) {
                return String.valueOf(scalar.value());
            }
            problems.add(problem(field, "'" + field + "' holds " + fields.get(field).describe() + ", not a single value", "write '" + field + ": …' with one value"));
            return null;
        }

        /** The field's list of words, or null with a problem when it is not a list of single values. */
        private List<String> words(String field, String hint) {
            if (!(fields.get(field) instanceof YamlTree.Sequence sequence)) {
                problems.add(problem(field, "'" + field + "' is not a list", hint));
                return null;
            }
            List<String> words = new ArrayList<>();
            for (YamlTree.Value item : sequence.items()) {
                if (!(item instanceof YamlTree.Scalar scalar)) {
                    problems.add(Problem.at(path, item.line() + YAML_FIRST_LINE - 1, "'" + field + "' holds " + item.describe() + " where a word belongs", hint));
                    return null;
                }
                words.add(String.valueOf(scalar.value()).trim());
            }
            return words;
        }

        /** SnakeYAML reads an unquoted ISO date as a UTC timestamp; a quoted one is parsed here. */
        private static LocalDate date(YamlTree.Value value) {
            if (!(value instanceof YamlTree.Scalar scalar)) {
                return null;
            }
            if (scalar.value() instanceof Date date) {
                return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
            }
            try {
                return LocalDate.parse(String.valueOf(scalar.value()).trim());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private Problem problem(String field, String message, String hint) {
            return Problem.at(path, fields.lineOf(field) + YAML_FIRST_LINE - 1, message, hint);
        }
    }
}
