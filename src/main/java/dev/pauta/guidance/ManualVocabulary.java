package dev.pauta.guidance;

import java.util.Comparator;
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

    /** A draft check of the manual's {@code channel-checks} table, in the words an agent reads. */
    public record ChannelRule(String channel, String check, String value, String severity, String instead) {
    }

    /** The checks a draft for {@code channel} gets, those for every channel first; empty for a channel with none. */
    public List<ChannelRule> channelRules(String locale, String channel) {
        Snapshot snapshot = holder.current();
        String known = KnownCodes.locale(snapshot, locale, defaultLocale);
        return snapshot.manual().tables(known, "channel-checks").stream().flatMap(table -> table.rows().stream())
                .map(row -> new ChannelRule(row.text("channel"), row.text("check"), row.text("value"), row.text("severity"), row.text("instead")))
                .filter(rule -> "ALL".equals(rule.channel()) || rule.channel().equals(channel))
                .sorted(Comparator.comparing(rule -> !"ALL".equals(rule.channel())))
                .toList();
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
