package dev.pauta.manual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code manual/<locale>/**.md} documents of a bundle into sections, reporting every malformed file with its
 * path, line and what to fix: the front matter ({@link FrontMatter}), the body ({@link SectionBody}), then the checks
 * that need the whole manual ({@link ManualConsistency}). Thread-safe.
 */
public final class ManualReader {

    public static final Set<String> KINDS = Set.of("foundation", "guideline", "protocol", "policy", "reference");
    private static final Pattern SECTION_PATH = Pattern.compile("manual/([a-z]{2}(?:-[A-Z]{2})?)/.+\\.md");

    private final SectionBody bodies = new SectionBody();

    /** The sections and the problems found; a manual with problems must not be served. */
    public record Result(Manual manual, List<Problem> problems) {
    }

    public Result read(Bundle bundle) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Map<String, Section>> byLocale = new TreeMap<>();
        Map<String, List<SectionBody.LinkTarget>> links = new HashMap<>();
        bundle.withPrefix("manual/").forEach((path, content) -> {
            Matcher m = SECTION_PATH.matcher(path);
            if (!m.matches()) {
                return;
            }
            FrontMatter front = FrontMatter.read(path, m.group(1), content, problems);
            SectionBody.Read body = front == null ? null : bodies.read(path, front.id(), front.title(), front.body(), front.bodyLineOffset(), problems);
            if (body == null) {
                return;
            }
            Section section = new Section(front.id(), front.title(), front.kind(), front.locale(), front.channels(), front.tags(), front.owner(),
                    front.reviewBy(), path, front.body(), body.html(), body.plainText(), body.headings(), body.tables());
            Section earlier = byLocale.computeIfAbsent(section.locale(), l -> new TreeMap<>()).putIfAbsent(section.id(), section);
            if (earlier != null) {
                problems.add(Problem.at(path, 2, "section id '" + section.id() + "' is already used by " + earlier.path(),
                        "give each section its own id within a locale"));
            } else {
                links.put(path, body.links());
            }
        });
        Manual manual = new Manual(byLocale);
        ManualConsistency.checkLocaleParity(manual, problems);
        ManualConsistency.checkLinks(manual, links, problems);
        return new Result(manual, problems);
    }
}
