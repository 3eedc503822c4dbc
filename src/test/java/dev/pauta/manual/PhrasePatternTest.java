package dev.pauta.manual;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhrasePatternTest {

    private static int match(String phrase, String text, int at, int maxGap) {
        return PhrasePattern.compile(phrase).matchAt(PhrasePattern.words(text), at, maxGap);
    }

    @Test
    void aMatchEndsAtItsLastWordAndIgnoresCaseAccentsAndJoiners() {
        assertThat(match("cálmese por favor", "Oiga, CALMESE por favor ya", 1, 0)).isEqualTo(3);
        assertThat(match("that's not my department", "Thats NOT my depart-ment", 0, 0)).isEqualTo(3);
    }

    @Test
    void extraWordsCountAgainstOneAllowanceForTheWholePhrase() {
        String text = "eso la verdad no es nuestro problema";

        assertThat(match("eso no problema", text, 0, 4)).isEqualTo(6);
        assertThat(match("eso no problema", text, 0, 3)).isEqualTo(-1);
        assertThat(match("eso no", text, 0, 2)).isEqualTo(3);
        assertThat(match("eso no", text, 0, 1)).isEqualTo(-1);
    }

    @Test
    void theFirstWordMustStandWhereTheMatchStarts() {
        assertThat(match("no es", "pues no es así", 0, 5)).isEqualTo(-1);
        assertThat(match("no es", "pues no es así", 1, 0)).isEqualTo(2);
    }

    @Test
    void prefixesAndAlternativesMatchAnyEndingOrEitherWord() {
        assertThat(match("abogad* demand/denuncia", "mi abogada le denuncia", 1, 1)).isEqualTo(3);
        assertThat(match("abogad* demand/denuncia", "mi abogada le demanda", 1, 1)).isEqualTo(-1);
    }

    @Test
    void aPhraseLongerThanTheRestOfTheTextDoesNotMatch() {
        assertThat(match("vuelva a llamar", "por favor vuelva a", 2, 3)).isEqualTo(-1);
    }

    @Test
    void aPhraseOwnersMisspellAsSyntaxIsNamedWhileWellFormedOnesPass() {
        assertThat(PhrasePattern.problem("abogad* demand/denuncia")).isEmpty();
        assertThat(PhrasePattern.problem("that's not my department")).isEmpty();
        assertThat(PhrasePattern.problem("call //back")).get().asString().contains("empty alternative");
        assertThat(PhrasePattern.problem("cálm*ese")).get().asString().contains("'*' may only end a word");
        assertThat(PhrasePattern.problem("eso * no")).get().asString().contains("no letters or digits");
        assertThat(PhrasePattern.problem("  ")).get().asString().contains("no words");
    }
}
