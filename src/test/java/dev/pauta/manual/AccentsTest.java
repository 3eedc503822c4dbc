package dev.pauta.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccentsTest {

    /** The definition, written the slow obvious way: decompose, drop every mark, lower-case. */
    private static String reference(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void foldingAnyCharacterDecomposesDropsTheMarksAndLowerCases() {
        List<String> differing = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            String text = Character.toString(cp);
            if (!Accents.fold(text).equals(reference(text))) {
                differing.add(Integer.toHexString(cp));
            }
        }

        assertThat(differing).isEmpty();
    }

    @Test
    void latinOneTextFoldsAsTheDecompositionDoes() {
        String latin1 = "ÀÉÎÕÜÇÑØÆßÿ Atención, Pingüino; ÑANDÚ 'quoted' - x";

        assertThat(Accents.fold(latin1)).isEqualTo(reference(latin1)).isEqualTo("aeioucnøæßy atencion, pinguino; nandu 'quoted' - x");
        assertThat(Accents.fold(latin1 + "Ḉ")).isEqualTo(Accents.fold(latin1) + "c");
    }

    @Test
    void aWordAlsoLosesTheApostrophesAndHyphensThatJoinIt() {
        assertThat(Accents.foldWord("That’s")).isEqualTo("thats");
        assertThat(Accents.foldWord("Back-Office")).isEqualTo("backoffice");
        assertThat(Accents.foldWord("D'Ángelo")).isEqualTo("dangelo");
        assertThat(Accents.foldWord("Ḉa-va’t")).isEqualTo("cavat");
        assertThat(Accents.fold("That’s back-office")).isEqualTo("that’s back-office");
        for (char c = 0; c < 0x3000; c++) {
            String text = "a" + c + "É";
            assertThat(Accents.foldWord(text)).as("U+%04X", (int) c).isEqualTo(reference(text).replaceAll("['’-]", ""));
        }
    }
}
