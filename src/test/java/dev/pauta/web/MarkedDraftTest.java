package dev.pauta.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.compliance.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkedDraftTest {

    @Test
    void theReplacementIsTheFirstQuotedWordsOfTheAdviceOrTheWholeAdvice() {
        assertThat(MarkedDraft.replacement("Di qué vas a hacer tú: «Esto lo resuelvo yo» o «te paso con quien lo resuelve».")).isEqualTo("Esto lo resuelvo yo");
        assertThat(MarkedDraft.replacement("Say what you will do: \"I'll sort this out\" or \"I'll put you through\".")).isEqualTo("I'll sort this out");
        assertThat(MarkedDraft.replacement("let me find who can help")).isEqualTo("let me find who can help");
        assertThat(MarkedDraft.replacement(null)).isNull();
    }

    @Test
    void flaggedRunsAreMarkedInPlaceAndOverlapsKeepTheFirst() {
        String draft = "Lo siento, eso no nos compete.";
        List<Violation> found = List.of(new Violation(11, 29, "eso no nos compete", "x", "ERROR", "forbidden-phrases", "phrase"),
                new Violation(15, 21, "no nos", "y", "WARNING", "forbidden-phrases", "phrase"), new Violation(0, 0, null, "z", "ERROR", "email", "greeting"));
        MarkedDraft marked = MarkedDraft.of(draft, found);
        assertThat(marked.runs()).extracting(MarkedDraft.Run::text).containsExactly("Lo siento, ", "eso no nos compete", ".");
        assertThat(marked.runs()).extracting(MarkedDraft.Run::violation).containsExactly(0, 1, 0);
    }
}
