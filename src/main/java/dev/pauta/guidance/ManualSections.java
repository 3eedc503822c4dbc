package dev.pauta.guidance;

import dev.pauta.manual.Section;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads one section of the current release in one locale, the default locale when none is named. Thread-safe. */
public final class ManualSections {

    private final SnapshotHolder holder;
    private final String defaultLocale;

    ManualSections(SnapshotHolder holder, String defaultLocale) {
        this.holder = holder;
        this.defaultLocale = defaultLocale;
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
