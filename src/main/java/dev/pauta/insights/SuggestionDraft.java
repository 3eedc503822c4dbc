package dev.pauta.insights;

/**
 * A problem report as the reporter sends it: the section (its id), the locale and release it was read in (null for the
 * default locale and the current release), the decision being worked on (null for none) and what is wrong.
 */
public record SuggestionDraft(String section, String locale, Integer release, String decisionId, String text) {
}
