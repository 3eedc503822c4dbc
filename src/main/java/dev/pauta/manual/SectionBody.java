package dev.pauta.manual;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Markdown body of a section file: bounded by {@link MarkdownLimits} before and after Flexmark parses it, then read
 * once for its headings (with anchors), policy tables, sanitized HTML, searchable text and links. Thread-safe.
 */
final class SectionBody {

    /** Tables that exist to steer the engine, not to be read, are left out of the section's searchable text. */
    private static final Set<String> UNINDEXED_TABLES = Set.of("synonyms");

    /** A link whose target may name a section, with its file line. */
    record LinkTarget(String target, int line) {
    }

    /** What the body holds. */
    record Read(List<Heading> headings, Map<String, PolicyTable> tables, String html, String plainText, List<LinkTarget> links) {
    }

    private final Parser parser;
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    SectionBody() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        this.parser = Parser.builder(options).build();
    }

    /** The body of section {@code sectionId} ({@code lineOffset} lines precede it in the file), or null when it nests too deep. */
    Read read(String path, String sectionId, String title, String body, int lineOffset, List<Problem> problems) {
        Node document = parse(path, body, lineOffset, problems);
        if (document == null) {
            return null;
        }
        List<Heading> headings = new ArrayList<>();
        Map<String, PolicyTable> tables = new LinkedHashMap<>();
        Map<String, Integer> anchors = new HashMap<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int line = node.getLineNumber() + 1 + lineOffset;
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                String text = heading.getText().toString().trim();
                String anchor = slug(text);
                int seen = anchors.merge(anchor, 1, Integer::sum);
                headings.add(new Heading(heading.getLevel(), text, seen > 1 ? anchor + "-" + (seen - 1) : anchor, line));
            }
            Optional<String> marker = PolicyTables.marker(node);
            if (marker.isPresent()) {
                String name = marker.get();
                if (!(node.getNext() instanceof TableBlock table)) {
                    problems.add(Problem.at(path, line, "the marker for table '" + name + "' is not followed by a table",
                            "put the Markdown table on the line right after the marker"));
                } else if (tables.putIfAbsent(name, PolicyTables.read(path, sectionId, name, table, lineOffset, problems)) != null) {
                    problems.add(Problem.at(path, line, "table '" + name + "' appears twice in this section", "merge the rows into one table"));
                }
            }
        }
        if (headings.isEmpty() || headings.get(0).level() != 1) {
            problems.add(Problem.at(path, lineOffset + 1, "the section does not open with a '# Title' heading", "start the body with '# " + title + "'"));
        }
        String html = renderer.toHtml(document);
        List<LinkTarget> links = links(document, lineOffset);
        unlinkUnindexedTables(document);
        return new Read(headings, tables, html, new TextCollectingVisitor().collectAndGetText(document), links);
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

    /** Every link's target without its fragment, tables of every kind included. */
    private static List<LinkTarget> links(Node document, int lineOffset) {
        List<LinkTarget> links = new ArrayList<>();
        new NodeVisitor(new VisitHandler<>(Link.class, link -> {
            String url = link.getUrl().toString();
            String target = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
            links.add(new LinkTarget(target, link.getLineNumber() + 1 + lineOffset));
        })).visit(document);
        return links;
    }

    private static void unlinkUnindexedTables(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node.getNext() instanceof TableBlock table && PolicyTables.marker(node).filter(UNINDEXED_TABLES::contains).isPresent()) {
                table.unlink();
            }
        }
    }

    /** GitHub-style heading anchors, accents folded so links survive copy and paste. */
    static String slug(String text) {
        return Accents.fold(text).replaceAll("[^a-z0-9\\s-]", "").trim().replaceAll("\\s+", "-");
    }
}
