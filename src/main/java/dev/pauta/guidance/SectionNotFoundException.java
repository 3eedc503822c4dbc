package dev.pauta.guidance;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** No section with that id in that locale of the current release; {@code known} lists the ids the locale has, sorted. */
public class SectionNotFoundException extends RuntimeException {

    public final String id;
    public final String locale;
    public final SortedSet<String> known;

    SectionNotFoundException(String id, String locale, Set<String> known) {
        super("no section '" + id + "' in locale '" + locale + "'");
        this.id = id;
        this.locale = locale;
        this.known = Collections.unmodifiableSortedSet(new TreeSet<>(known));
    }
}
