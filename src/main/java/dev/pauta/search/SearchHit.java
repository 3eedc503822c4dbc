package dev.pauta.search;

/** One section that answers a search, with the heading inside it that matched best (or null). */
public record SearchHit(String id, String title, String kind, String locale, String snippet, float score, String heading, String anchor) {
}
