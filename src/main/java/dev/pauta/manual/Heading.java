package dev.pauta.manual;

/** A heading inside a section; {@code anchor} is the fragment that links to it. */
public record Heading(int level, String text, String anchor, int line) {
}
