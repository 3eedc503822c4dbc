package dev.pauta.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.manual.Section;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpellingTest {

    private static final String BODY = "Un reembolso se devuelve en cinco días. La compensación por retraso es un cupón.";

    private static IndexedSections index() {
        Section section = new Section("refunds", "Reembolsos", "policy", "es", List.of("ALL"), List.of("devolución"), "finance",
                LocalDate.of(2027, 1, 1), "manual/es/refunds.md", BODY, BODY, BODY, List.of(), Map.of());
        return new IndexedSections(List.of(section), Analysis.forLocale("es", null));
    }

    @Test
    void aMisspeltWordIsReplacedByTheClosestWordTheManualUses() {
        Spelling spelling = new Spelling(index().reader(), 100);

        String corrected = spelling.corrected("Reembolzo de la compensacion");

        assertThat(corrected).isEqualTo("reembolso de la compensacion");
        assertThat(spelling.suggestion("Reembolzo de la compensacion", corrected)).isEqualTo(corrected);
    }

    @Test
    void wordsTheManualUsesAndShortWordsAreLeftAsTyped() {
        Spelling spelling = new Spelling(index().reader(), 100);

        String corrected = spelling.corrected("cupón dias");

        assertThat(corrected).isEqualTo("cupon dias");
        assertThat(spelling.suggestion("cupón dias", corrected)).isNull();
    }

    @Test
    void rememberedCorrectionsStayWithinTheirBoundAndStayRight() {
        Spelling spelling = new Spelling(index().reader(), 100);

        for (int i = 0; i < 1_000; i++) {
            spelling.corrected("palabra" + i + "x");
        }
        spelling.corrected("reembolzo");

        assertThat(spelling.remembered()).isBetween(1L, 100L);
        assertThat(spelling.corrected("reembolzo")).isEqualTo("reembolso");
    }
}
