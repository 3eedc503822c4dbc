package dev.pauta.manual;

import java.util.List;
import java.util.Map;

/** Checks that need the whole manual: every locale holds the same sections, and links to a section id name one that exists. */
final class ManualConsistency {

    private ManualConsistency() {
    }

    static void checkLocaleParity(Manual manual, List<Problem> problems) {
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

    /** Links whose target is a bare section id must name a section of the same locale; other links are not ours to check. */
    static void checkLinks(Manual manual, Map<String, List<SectionBody.LinkTarget>> linksByPath, List<Problem> problems) {
        for (Section section : manual.allSections()) {
            for (SectionBody.LinkTarget link : linksByPath.getOrDefault(section.path(), List.of())) {
                if (FrontMatter.ID.matcher(link.target()).matches() && manual.section(section.locale(), link.target()).isEmpty()) {
                    problems.add(Problem.at(section.path(), link.line(), "the link points at section '" + link.target() + "', which does not exist in '"
                            + section.locale() + "'", "link to an existing section id, or add that section"));
                }
            }
        }
    }
}
