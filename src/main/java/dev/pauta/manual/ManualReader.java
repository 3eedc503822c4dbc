package dev.pauta.manual;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the {@code manual/<locale>/**.md} documents of a bundle into sections, reporting
 * every malformed file with its path, line and what to fix. Thread-safe.
 */
public final class ManualReader {

    public static final Set<String> KINDS = Set.of("foundation", "guideline", "protocol", "policy", "reference");
    private static final Pattern SECTION_PATH = Pattern.compile("manual/([a-z]{2}(?:-[A-Z]{2})?)/.+\\.md");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern TABLE_MARKER = Pattern.compile("<!--\\s*table:\\s*([a-z0-9-]+)\\s*-->", Pattern.DOTALL);
    private static final Pattern COLUMN_KEY = Pattern.compile("`([^`]+)`");
    private static final Set<String> UNINDEXED_TABLES = Set.of("synonyms");
    private static final List<String> REQUIRED = List.of("id", "title", "kind", "locale", "channels", "tags", "owner", "reviewBy");

    private final Parser parser;
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    public ManualReader() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        this.parser = Parser.builder(options).build();
    }

    /** The sections and the problems found; a manual with problems must not be served. */
    public record Result(Manual manual, List<Problem> problems) {
    }

    public Result read(Bundle bundle) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Map<String, Section>> byLocale = new TreeMap<>();
        bundle.withPrefix("manual/").forEach((path, content) -> {
            Matcher m = SECTION_PATH.matcher(path);
            if (!m.matches()) {
                return;
            }
            Section section = readSection(path, m.group(1), content, problems);
            if (section == null) {
                return;
            }
            Section earlier = byLocale.computeIfAbsent(section.locale(), l -> new TreeMap<>()).putIfAbsent(section.id(), section);
            if (earlier != null) {
                problems.add(Problem.at(path, 2, "section id '" + section.id() + "' is already used by " + earlier.path(),
                        "give each section its own id within a locale"));
            }
        });
        Manual manual = new Manual(byLocale);
        checkLocaleParity(manual, problems);
        checkLinks(bundle, manual, problems);
        return new Result(manual, problems);
    }

    private Section readSection(String path, String folderLocale, String content, List<Problem> problems) {
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
        String yaml = text.substring(4, end + 1);
        int bodyStart = text.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        int bodyLineOffset = (int) text.substring(0, bodyStart < 0 ? text.length() : bodyStart + 1).chars().filter(c -> c == '\n').count();

        Map<String, Object> fields;
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (!(loaded instanceof Map<?, ?> map)) {
                problems.add(Problem.at(path, 2, "the front matter is not a set of 'field: value' lines", "write one 'field: value' per line"));
                return null;
            }
            fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            problems.add(Problem.at(path, line, "the front matter is not valid YAML: " + e.getProblem(), "check quotes, colons and list brackets"));
            return null;
        } catch (RuntimeException e) {
            problems.add(Problem.at(path, 1, "the front matter cannot be read: " + e.getMessage(), "write one 'field: value' per line"));
            return null;
        }

        int before = problems.size();
        for (String field : REQUIRED) {
            Object value = fields.get(field);
            if (value == null || value.toString().isBlank()) {
                problems.add(Problem.at(path, lineOf(yaml, field), "the front matter has no '" + field + "'", "add '" + field + ": …' to the front matter"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String id = fields.get("id").toString();
        if (!ID.matcher(id).matches()) {
            problems.add(Problem.at(path, lineOf(yaml, "id"), "the id '" + id + "' is not lower-case words joined by '-'", "use an id such as 'delay-compensation'"));
        }
        String locale = fields.get("locale").toString();
        if (!locale.equals(folderLocale)) {
            problems.add(Problem.at(path, lineOf(yaml, "locale"), "the locale '" + locale + "' does not match the folder '" + folderLocale + "'",
                    "set 'locale: " + folderLocale + "' or move the file to manual/" + locale + "/"));
        }
        String kind = fields.get("kind").toString();
        if (!KINDS.contains(kind)) {
            problems.add(Problem.at(path, lineOf(yaml, "kind"), "unknown kind '" + kind + "'", "use one of " + String.join(", ", KINDS.stream().sorted().toList())));
        }
        List<String> channels = stringList(fields.get("channels"));
        List<String> tags = stringList(fields.get("tags"));
        if (channels == null) {
            problems.add(Problem.at(path, lineOf(yaml, "channels"), "'channels' is not a list", "write channels: [PHONE, EMAIL] or [ALL]"));
        }
        if (tags == null) {
            problems.add(Problem.at(path, lineOf(yaml, "tags"), "'tags' is not a list", "write tags: [word, other word]"));
        }
        LocalDate reviewBy = date(fields.get("reviewBy"));
        if (reviewBy == null) {
            problems.add(Problem.at(path, lineOf(yaml, "reviewBy"), "'reviewBy' is not a date", "write an ISO date such as 2027-06-30"));
        }
        if (problems.size() > before) {
            return null;
        }

        Node document = parse(path, body, bodyLineOffset, problems);
        if (document == null) {
            return null;
        }
        List<dev.pauta.manual.Heading> headings = new ArrayList<>();
        Map<String, PolicyTable> tables = new LinkedHashMap<>();
        Map<String, Integer> anchors = new HashMap<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int line = node.getLineNumber() + 1 + bodyLineOffset;
            if (node instanceof Heading heading) {
                String headingText = heading.getText().toString().trim();
                String anchor = slug(headingText);
                int seen = anchors.merge(anchor, 1, Integer::sum);
                headings.add(new dev.pauta.manual.Heading(heading.getLevel(), headingText, seen > 1 ? anchor + "-" + (seen - 1) : anchor, line));
            } else if (node instanceof HtmlCommentBlock comment) {
                Matcher marker = TABLE_MARKER.matcher(comment.getChars().toString());
                if (!marker.find()) {
                    continue;
                }
                String name = marker.group(1);
                Node next = node.getNext();
                if (!(next instanceof TableBlock table)) {
                    problems.add(Problem.at(path, line, "the marker for table '" + name + "' is not followed by a table",
                            "put the Markdown table on the line right after the marker"));
                    continue;
                }
                PolicyTable parsed = readTable(path, id, name, table, bodyLineOffset, problems);
                if (tables.putIfAbsent(name, parsed) != null) {
                    problems.add(Problem.at(path, line, "table '" + name + "' appears twice in this section", "merge the rows into one table"));
                }
            }
        }
        if (headings.isEmpty() || headings.get(0).level() != 1) {
            problems.add(Problem.at(path, bodyLineOffset + 1, "the section does not open with a '# Title' heading", "start the body with '# " + fields.get("title") + "'"));
        }
        String html = renderer.toHtml(document);
        unlinkUnindexedTables(document);
        String plainText = new TextCollectingVisitor().collectAndGetText(document);
        return new Section(id, fields.get("title").toString(), kind, locale, channels, tags, fields.get("owner").toString(), reviewBy,
                path, body, html, plainText, headings, tables);
    }

    /** The body's tree, or null with a problem when it nests deeper than any walk over it may go. */
    private Node parse(String path, String body, int lineOffset, List<Problem> problems) {
        Optional<Problem> tooDeep = MarkdownLimits.beforeParsing(path, body, lineOffset);
        if (tooDeep.isEmpty()) {
            try {
                Node document = parser.parse(body);
                tooDeep = MarkdownLimits.afterParsing(path, document, lineOffset);
                if (tooDeep.isEmpty()) {
                    return document;
                }
            } catch (StackOverflowError e) {
                // Only reachable by a shape the checks above do not bound; still a problem with the document, not a crash.
                tooDeep = Optional.of(MarkdownLimits.tooDeep(path, lineOffset + 1, "its structure"));
            }
        }
        problems.add(tooDeep.get());
        return null;
    }

    /** Tables that exist to steer the engine, not to be read, are left out of the section's searchable text. */
    private static void unlinkUnindexedTables(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof HtmlCommentBlock comment && node.getNext() instanceof TableBlock table) {
                Matcher marker = TABLE_MARKER.matcher(comment.getChars().toString());
                if (marker.find() && UNINDEXED_TABLES.contains(marker.group(1))) {
                    table.unlink();
                }
            }
        }
    }

    private PolicyTable readTable(String path, String sectionId, String name, TableBlock table, int offset, List<Problem> problems) {
        List<String> columns = new ArrayList<>();
        List<TableRow> rows = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            if (part instanceof TableHead) {
                Node headerRow = part.getFirstChild();
                for (Node cell = headerRow == null ? null : headerRow.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell c) {
                        String header = c.getText().toString().trim();
                        Matcher key = COLUMN_KEY.matcher(header);
                        columns.add(key.find() ? key.group(1).trim() : header);
                    }
                }
            } else if (part instanceof TableBody) {
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    int line = row.getLineNumber() + 1 + offset;
                    Map<String, String> cells = new LinkedHashMap<>();
                    int index = 0;
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell c) {
                            if (index < columns.size()) {
                                cells.put(columns.get(index), cellValue(c.getText().toString()));
                            }
                            index++;
                        }
                    }
                    if (index != columns.size()) {
                        problems.add(Problem.at(path, line, "table '" + name + "' row has " + index + " cells but the header has " + columns.size(),
                                "give every row one cell per column; an empty cell is '|  |'"));
                    }
                    rows.add(new TableRow(line, cells));
                }
            }
        }
        return new PolicyTable(name, sectionId, path, table.getLineNumber() + 1 + offset, columns, rows);
    }

    private static String cellValue(String raw) {
        String value = raw.trim();
        if (value.length() > 1 && value.startsWith("`") && value.endsWith("`")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.replace("**", "").trim();
    }

    private static void checkLocaleParity(Manual manual, List<Problem> problems) {
        for (String locale : manual.locales()) {
            for (String other : manual.locales()) {
                if (locale.equals(other)) {
                    continue;
                }
                for (Section section : manual.sections(locale)) {
                    if (manual.section(other, section.id()).isEmpty()) {
                        problems.add(Problem.at(section.path(), 2, "section '" + section.id() + "' exists in '" + locale + "' but not in '" + other + "'",
                                "add manual/" + other + "/" + section.id() + ".md so every locale holds the same sections"));
                    }
                }
            }
        }
    }

    /** Links whose target is a bare section id must name a section of the same locale. */
    private void checkLinks(Bundle bundle, Manual manual, List<Problem> problems) {
        for (Section section : manual.allSections()) {
            Node document = parser.parse(section.markdown());
            int offset = lineOffset(bundle.documents().get(section.path()), section.markdown());
            new NodeVisitor(new VisitHandler<>(Link.class, link -> {
                String url = link.getUrl().toString();
                String target = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
                if (ID.matcher(target).matches() && manual.section(section.locale(), target).isEmpty()) {
                    problems.add(Problem.at(section.path(), link.getLineNumber() + 1 + offset, "the link points at section '" + target + "', which does not exist in '" + section.locale() + "'",
                            "link to an existing section id, or add that section"));
                }
            })).visit(document);
        }
    }

    private static int lineOffset(String content, String body) {
        if (content == null) {
            return 0;
        }
        String text = content.replace("\r\n", "\n");
        int at = text.lastIndexOf(body);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    }

    private static int lineOf(String yaml, String field) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(field + ":")) {
                return i + 2;
            }
        }
        return 1;
    }

    private static List<String> stringList(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).toList();
        }
        return null;
    }

    private static LocalDate date(Object value) {
        if (value instanceof Date date) {
            return new java.sql.Date(date.getTime()).toLocalDate();
        }
        if (value instanceof LocalDate local) {
            return local;
        }
        try {
            return value == null ? null : LocalDate.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** GitHub-style heading anchors, accents folded so links survive copy and paste. */
    public static String slug(String text) {
        return Accents.fold(text).replaceAll("[^a-z0-9\\s-]", "").trim().replaceAll("\\s+", "-");
    }
}
