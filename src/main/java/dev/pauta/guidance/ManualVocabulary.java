package dev.pauta.guidance;

import java.util.List;

/**
 * The codes and labels of the current release, per locale: what every choice list offers (channels, intents, customer
 * types, tiers, special needs, rejection reasons). Each call reads the release being served at that moment. Thread-safe.
 */
public final class ManualVocabulary {

    private final SnapshotHolder holder;
    private final String defaultLocale;

    ManualVocabulary(SnapshotHolder holder, String defaultLocale) {
        this.holder = holder;
        this.defaultLocale = defaultLocale;
    }

    /**
     * The vocabulary of {@code locale} (null or blank for the default one), its maps in the manual's order.
     *
     * @throws UnknownCodeException when the release has no such locale
     */
    public Vocabulary vocabulary(String locale) {
        Snapshot snapshot = holder.current();
        return snapshot.vocabularies().get(KnownCodes.locale(snapshot, locale, defaultLocale));
    }

    /** The locales of the current release, sorted. */
    public List<String> locales() {
        return holder.current().locales().stream().sorted().toList();
    }

    /** The number of the release being served. */
    public int release() {
        return holder.current().release().number();
    }
}
