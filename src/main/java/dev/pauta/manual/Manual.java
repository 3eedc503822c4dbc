package dev.pauta.manual;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The parsed sections of a bundle, by locale and id. Immutable and thread-safe. */
public record Manual(Map<String, Map<String, Section>> sectionsByLocale) {

    public Manual {
        Map<String, Map<String, Section>> copy = new TreeMap<>();
        sectionsByLocale.forEach((locale, sections) -> copy.put(locale, Collections.unmodifiableMap(new TreeMap<>(sections))));
        sectionsByLocale = Collections.unmodifiableMap(copy);
    }

    public Set<String> locales() {
        return sectionsByLocale.keySet();
    }

    public Optional<Section> section(String locale, String id) {
        return Optional.ofNullable(sectionsByLocale.getOrDefault(locale, Map.of()).get(id));
    }

    public List<Section> sections(String locale) {
        return List.copyOf(sectionsByLocale.getOrDefault(locale, Map.of()).values());
    }

    public List<Section> allSections() {
        return sectionsByLocale.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /** The named policy table in a locale, wherever in the manual it is kept. */
    public Optional<PolicyTable> table(String locale, String name) {
        return sections(locale).stream()
                .map(s -> s.tables().get(name))
                .filter(t -> t != null)
                .findFirst();
    }

    /** Every table of that name in a locale; {@code scripts} tables are spread over many sections. */
    public List<PolicyTable> tables(String locale, String name) {
        return sections(locale).stream().map(s -> s.tables().get(name)).filter(t -> t != null).toList();
    }
}
