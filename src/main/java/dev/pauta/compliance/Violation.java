package dev.pauta.compliance;

/**
 * Something in a draft the manual says not to write; {@code start}/{@code end} are character offsets into the
 * original text (end exclusive), {@code check} is {@code phrase}, {@code shouting}, {@code greeting}, {@code closing}, {@code maxChars} or {@code register}.
 */
public record Violation(int start, int end, String phrase, String instead, String severity, String section, String check) {
}
