package dev.pauta.guidance;

import dev.pauta.manual.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads the sections of the current release in one locale (the default locale when none is named): one whole, or all as a list. Thread-safe. */
public final class ManualSections {

    private final SnapshotHolder holder;
    private final String defaultLocale;

    ManualSections(SnapshotHolder holder, String defaultLocale) {
        this.holder = holder;
        this.defaultLocale = defaultLocale;
    }

    /** A section as the owners' list shows it: who owns it, when it is due for review, and the rules that cite it. */
    public record Summary(String id, String title, String kind, String locale, String owner, LocalDate reviewBy, List<String> citedBy) {
    }

    /**
     * Every section of the current release in {@code locale} (null or blank for the default one), in the manual's order.
     *
     * @throws UnknownCodeException when the release has no such locale
     */
    public List<Summary> all(String locale) {
        Snapshot snapshot = holder.current();
        String known = KnownCodes.locale(snapshot, locale, defaultLocale);
        Map<String, List<String>> citedBy = new TreeMap<>();
        for (String key : snapshot.ruleSet().ruleKeys()) {
            int slash = key.lastIndexOf('/');
            for (String section : snapshot.ruleSet().sectionsOf(key.substring(0, slash), key.substring(slash + 1))) {
                citedBy.computeIfAbsent(section, s -> new ArrayList<>()).add(key.substring(slash + 1));
            }
        }
        return snapshot.manual().sections(known).stream()
                .map(s -> new Summary(s.id(), s.title(), s.kind(), s.locale(), s.owner(), s.reviewBy(),
                        citedBy.getOrDefault(s.id(), List.of()).stream().sorted().toList()))
                .toList();
    }

    /**
     * The section {@code id} in {@code locale} (null or blank for the default one).
     *
     * @throws UnknownCodeException     when the release has no such locale
     * @throws SectionNotFoundException when the locale has no such section, listing the ids it has
     */
    public SectionView section(String id, String locale) {
        Snapshot snapshot = holder.current();
        String known = KnownCodes.locale(snapshot, locale, defaultLocale);
        Section s = Optional.ofNullable(id).flatMap(i -> snapshot.manual().section(known, i))
                .orElseThrow(() -> new SectionNotFoundException(id, known,
                        snapshot.manual().sections(known).stream().map(Section::id).collect(Collectors.toSet())));
        return new SectionView(s.id(), s.title(), s.kind(), s.locale(), s.channels(), s.tags(), s.owner(), s.reviewBy(), s.markdown(), s.html(),
                snapshot.release().number());
    }
}
