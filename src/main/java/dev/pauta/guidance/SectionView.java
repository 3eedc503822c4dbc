package dev.pauta.guidance;

import java.time.LocalDate;
import java.util.List;

/** One section as an agent reads it: its front matter, its Markdown, its HTML (sanitized when the release was read) and the release it comes from. */
public record SectionView(String id, String title, String kind, String locale, List<String> channels, List<String> tags, String owner,
                          LocalDate reviewBy, String markdown, String html, int release) {

    public SectionView {
        channels = List.copyOf(channels);
        tags = List.copyOf(tags);
    }
}
