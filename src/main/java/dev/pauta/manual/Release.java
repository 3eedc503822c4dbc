package dev.pauta.manual;

import java.time.Instant;

/** A published, immutable version of the bundle: its number only grows; the hash identifies its content. */
public record Release(int number, String hash, Instant publishedAt, String author, String message) {
}
