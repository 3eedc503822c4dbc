package dev.pauta.search;

import java.util.List;
import java.util.Map;

/** Hits best first, facet counts by kind and channel, and the corrected query when misspelt words were replaced (null otherwise). */
public record SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Integer>> facets, String suggestion) {
}
