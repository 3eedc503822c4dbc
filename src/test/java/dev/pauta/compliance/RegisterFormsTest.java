package dev.pauta.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Words of another register in a reply are warnings with the reply's own word instead; a customer's telling forms name the register they use. */
class RegisterFormsTest {

    private static RegisterForm row(String tu, String usted, String... checkedIn) {
        return new RegisterForm(Map.of("tú", tu, "usted", usted), Set.of(checkedIn), "tone-and-language");
    }

    private final DraftChecker checker = new DraftChecker(List.of(), List.of(), List.of(
            row("tú", "usted"),
            row("puedes", "puede", "usted"),
            row("estás", "está", "usted"),
            row("contigo", "con usted", "usted"),
            row("te", "le", "usted"),
            row("dime", "dígame"),
            row("disculpa", "disculpe", "tú"),
            new RegisterForm(Map.of("neutral", "I'm", "formal", "I am"), Set.of("formal"), "tone-and-language"),
            new RegisterForm(Map.of("neutral", "no worries", "formal", "you are welcome"), Set.of("formal"), "tone-and-language")));

    private static String covered(String text, Violation v) {
        return text.substring(v.start(), v.end());
    }

    @Test
    void aTuWordInAnUstedReplyIsAWarningWithTheUstedWordInstead() {
        String text = "Si quieres, puedes pasar mañana y te lo cambio.";

        List<Violation> found = checker.check("PHONE", text, "usted");

        assertThat(found).extracting(v -> covered(text, v)).containsExactly("puedes", "te");
        assertThat(found).extracting(Violation::instead).containsExactly("puede", "le");
        assertThat(found).allSatisfy(v -> {
            assertThat(v.severity()).isEqualTo("WARNING");
            assertThat(v.check()).isEqualTo("register");
            assertThat(v.section()).isEqualTo("tone-and-language");
        });
    }

    @Test
    void theWordInsteadStartsWithACapitalWhereTheFlaggedOneDoes() {
        assertThat(checker.check("CHAT", "Dime tu número de pedido.", "usted")).singleElement()
                .satisfies(v -> assertThat(v.instead()).isEqualTo("Dígame"));
    }

    @Test
    void accentsTellWordsApartThatCaseDoesNot() {
        assertThat(checker.check("CHAT", "Estas son las opciones y está todo listo.", "usted")).isEmpty();
        assertThat(checker.check("CHAT", "ESTÁS en buenas manos.", "usted")).extracting(Violation::phrase).containsExactly("estás");
        assertThat(checker.check("CHAT", "Un té para el cliente.", "usted")).isEmpty();
    }

    @Test
    void theReverseIsFlaggedOnlyWhereTheTableChecksIt() {
        String text = "Disculpe, ¿usted puede decirme cuándo le viene bien?";

        assertThat(checker.check("CHAT", text, "tú")).extracting(v -> covered(text, v)).containsExactly("Disculpe", "usted");
        assertThat(checker.check("CHAT", text, "usted")).isEmpty();
    }

    @Test
    void aFormOfSeveralWordsIsFlaggedAsOneAndCanBeSuggested() {
        String text = "Thanks! No  worries at all.";
        assertThat(checker.check("CHAT", text, "formal")).singleElement().satisfies(v -> {
            assertThat(covered(text, v)).isEqualTo("No  worries");
            assertThat(v.instead()).isEqualTo("You are welcome");
        });
        assertThat(checker.check("CHAT", "Cuento contigo.", "usted")).singleElement().satisfies(v -> assertThat(v.instead()).isEqualTo("con usted"));
    }

    @Test
    void withoutARegisterOrInItsOwnRegisterNothingIsFlagged() {
        String text = "Si quieres, puedes pasar mañana.";
        assertThat(checker.check("PHONE", text)).isEmpty();
        assertThat(checker.check("PHONE", text, "tú")).isEmpty();
        assertThat(checker.check("PHONE", text, "neutral")).isEmpty();
    }

    @Test
    void contractionsAreFlaggedInFormalRepliesWithCurlyApostrophesToo() {
        String text = "I’m sorry for the wait.";
        assertThat(checker.check("EMAIL", text, "formal")).singleElement().satisfies(v -> {
            assertThat(covered(text, v)).isEqualTo("I’m");
            assertThat(v.instead()).isEqualTo("I am");
        });
        assertThat(checker.check("EMAIL", text, "neutral")).isEmpty();
    }

    @Test
    void aCustomersTellingFormsNameTheRegisterTheyUse() {
        assertThat(checker.registersUsed("Buenas tardes, ¿podría usted decirme dónde está?")).containsExactly("usted");
        assertThat(checker.registersUsed("¿Puedes mirarlo?")).containsExactly("tú");
        // "está" and "disculpa" are also third-person or noun forms, so they tell nothing.
        assertThat(checker.registersUsed("El pedido está en camino, disculpa")).isEmpty();
        assertThat(checker.registersUsed("I am writing about my order")).isEmpty();
        assertThat(checker.registersUsed(null)).isEmpty();
    }
}
