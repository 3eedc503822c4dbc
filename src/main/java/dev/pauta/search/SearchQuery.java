package dev.pauta.search;

/** A search as an agent types it; {@code kind} and {@code channel} may be null for "any". */
public record SearchQuery(String text, String locale, String kind, String channel, int limit) {
}
