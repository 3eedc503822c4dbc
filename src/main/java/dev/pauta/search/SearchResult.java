package dev.pauta.search;

import java.util.List;
import java.util.Map;

/** Hits best first, facet counts by kind and channel, and a spelling suggestion when the query found little. */
public record SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Integer>> facets, String suggestion) {
}
