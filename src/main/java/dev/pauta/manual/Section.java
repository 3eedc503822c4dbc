package dev.pauta.manual;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One manual section in one locale: its front matter, its Markdown body, the plain text
 * agents search, its HTML (rendered and sanitized once, when the release is read), its headings and the
 * policy tables it holds.
 */
public record Section(
        String id,
        String title,
        String kind,
        String locale,
        List<String> channels,
        List<String> tags,
        String owner,
        LocalDate reviewBy,
        String path,
        String markdown,
        String html,
        String plainText,
        List<Heading> headings,
        Map<String, PolicyTable> tables) {

    public Section {
        channels = List.copyOf(channels);
        tags = List.copyOf(tags);
        headings = List.copyOf(headings);
        tables = Map.copyOf(tables);
    }

    public boolean servesChannel(String channel) {
        return channels.contains("ALL") || channels.contains(channel);
    }
}
