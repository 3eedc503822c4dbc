package dev.pauta.guidance;

import dev.pauta.compliance.Violation;
import java.util.List;
import java.util.Objects;

/** Checks a draft reply against the current release's phrase tables in one locale and, when one is named, a channel's checks. Thread-safe. */
public final class DraftCheck {

    private final SnapshotHolder holder;
    private final String defaultLocale;

    DraftCheck(SnapshotHolder holder, String defaultLocale) {
        this.holder = holder;
        this.defaultLocale = defaultLocale;
    }

    /**
     * What the manual says not to write in {@code text}, with offsets into it. A null or blank locale is the default one;
     * a null channel adds no channel's checks, any other must be a channel code of the locale.
     *
     * @throws UnknownCodeException when the release has no such locale or the locale no such channel
     */
    public List<Violation> check(String locale, String channel, String text) {
        return check(locale, channel, text, null);
    }

    /**
     * As {@link #check(String, String, String)}, and, when {@code register} is given, every word written in another of the
     * locale's registers is flagged with its form in {@code register}.
     *
     * @throws UnknownCodeException when the register is not one the locale's manual defines
     */
    public List<Violation> check(String locale, String channel, String text, String register) {
        Objects.requireNonNull(text, "text");
        Snapshot snapshot = holder.current();
        String known = KnownCodes.locale(snapshot, locale, defaultLocale);
        if (channel != null) {
            KnownCodes.channel(snapshot, known, channel);
        }
        if (register != null) {
            Voice voice = snapshot.voices().get(known);
            java.util.Set<String> registers = voice == null ? java.util.Set.of() : voice.registers().keySet();
            if (!registers.contains(register)) {
                throw new UnknownCodeException("register", register, registers);
            }
        }
        return snapshot.checkers().get(known).check(channel, text, register);
    }
}
