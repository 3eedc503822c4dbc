package dev.pauta.rules.facts;

/** The contact being handled: locale, channel and intent codes. */
public final class Contact {
    private final String locale;
    private final String channel;
    private final String intent;

    public Contact(String locale, String channel, String intent) {
        this.locale = locale;
        this.channel = channel;
        this.intent = intent;
    }

    public String getLocale() { return locale; }
    public String getChannel() { return channel; }
    public String getIntent() { return intent; }
}
