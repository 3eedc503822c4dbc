package dev.pauta.compliance;

import java.util.List;

/** A channel-aware check from the manual: {@code shouting}, {@code greeting}, {@code closing} or {@code maxChars}. */
public record ChannelCheck(String channel, String check, List<String> values, String severity, String instead, String section) {

    public ChannelCheck {
        values = List.copyOf(values);
    }
}
