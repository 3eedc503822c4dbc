package dev.pauta.guidance;

import dev.pauta.manual.ManualReader;
import dev.pauta.rules.Situation;
import java.util.Set;

/** The codes a request names are checked once, here, against the snapshot it runs on, before any work is done. */
final class KnownCodes {

    private KnownCodes() {
    }

    /** The requested locale, or {@code defaultLocale} when none is named; either way one the snapshot holds. */
    static String locale(Snapshot snapshot, String requested, String defaultLocale) {
        return require("locale", requested == null || requested.isBlank() ? defaultLocale : requested, snapshot.locales());
    }

    /** A channel code of that locale's vocabulary; {@code locale} is one {@link #locale} returned. */
    static String channel(Snapshot snapshot, String locale, String channel) {
        return require("channel", channel, snapshot.vocabularies().get(locale).channels().keySet());
    }

    static String kind(String kind) {
        return require("kind", kind, ManualReader.KINDS);
    }

    /** Every code of a situation: its locale, channel and intent, the customer's type, tier and special needs, and the requested register's level, when given. */
    static Vocabulary situation(Snapshot snapshot, Situation situation) {
        Vocabulary vocabulary = snapshot.vocabularies().get(require("locale", situation.locale(), snapshot.locales()));
        require("channel", situation.channel(), vocabulary.channels().keySet());
        require("intent", situation.intent(), vocabulary.intents().keySet());
        Situation.Customer customer = situation.customer();
        if (customer.type() != null) {
            require("customer.type", customer.type(), vocabulary.customerTypes().keySet());
        }
        if (customer.tier() != null) {
            require("customer.tier", customer.tier(), vocabulary.tiers().keySet());
        }
        for (String need : customer.specialNeeds()) {
            require("customer.specialNeeds", need, vocabulary.specialNeeds().keySet());
        }
        if (situation.interaction().register() != null) {
            require("interaction.register", situation.interaction().register(), Voice.LEVELS);
        }
        return vocabulary;
    }

    private static String require(String field, String value, Set<String> codes) {
        // Immutable and sorted sets throw on contains(null); a missing code is as unknown as a wrong one.
        if (value == null || !codes.contains(value)) {
            throw new UnknownCodeException(field, value, codes);
        }
        return value;
    }
}
