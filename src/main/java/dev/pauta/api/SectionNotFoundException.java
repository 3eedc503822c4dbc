package dev.pauta.api;

import java.util.Set;

/** No section with that id in that locale of the current release. */
class SectionNotFoundException extends RuntimeException {

    final String id;
    final String locale;
    final Set<String> known;

    SectionNotFoundException(String id, String locale, Set<String> known) {
        super("no section '" + id + "' in locale '" + locale + "'");
        this.id = id;
        this.locale = locale;
        this.known = known;
    }
}
