package dev.pauta.api;

import dev.pauta.guidance.SectionView;
import dev.pauta.search.SearchResult;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The wire forms of the manual as agents read it: search results and sections. */
final class ManualDtos {

    private ManualDtos() {
    }

    @Schema(name = "CheckResponse")
    record CheckResponse(List<GuidanceResponse.ViolationDto> violations) {
    }

    @Schema(name = "SearchHit")
    record SearchHitDto(@Schema(example = "delay-compensation") String id, String title,
                        @Schema(allowableValues = {"foundation", "guideline", "protocol", "policy", "reference"}) String kind,
                        @Schema(example = "es") String locale,
                        @Schema(description = "An HTML-escaped snippet; matched words in <mark>.") String snippet, float score,
                        @Schema(description = "The heading inside the section that matched best.", nullable = true) String heading,
                        @Schema(description = "That heading's anchor in the section's HTML.", nullable = true) String anchor) {
    }

    @Schema(name = "SearchResult")
    record SearchResponse(long total, List<SearchHitDto> hits,
                          @Schema(description = "Hit counts per value of 'kind' and of 'channel'.", example = "{\"kind\": {\"policy\": 3}, \"channel\": {\"PHONE\": 2}}")
                          Map<String, Map<String, Integer>> facets,
                          @Schema(description = "The query with misspelt words replaced; null when nothing was corrected.", nullable = true) String suggestion) {
        static SearchResponse of(SearchResult r) {
            return new SearchResponse(r.total(), r.hits().stream().map(h -> new SearchHitDto(h.id(), h.title(), h.kind(), h.locale(), h.snippet(), h.score(),
                    h.heading(), h.anchor())).toList(), r.facets(), r.suggestion());
        }
    }

    @Schema(name = "Section")
    record SectionResponse(String id, String title, @Schema(allowableValues = {"foundation", "guideline", "protocol", "policy", "reference"}) String kind,
                           String locale, List<String> channels, List<String> tags, @Schema(nullable = true) String owner,
                           @Schema(description = "The date the section is due for review.", format = "date", nullable = true) String reviewBy,
                           String markdown, @Schema(description = "Sanitized HTML rendered from the Markdown.") String html, int release) {
        static SectionResponse of(SectionView s) {
            return new SectionResponse(s.id(), s.title(), s.kind(), s.locale(), s.channels(), s.tags(), s.owner(),
                    s.reviewBy() == null ? null : s.reviewBy().toString(), s.markdown(), s.html(), s.release());
        }
    }
}
