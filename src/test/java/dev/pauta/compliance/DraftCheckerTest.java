package dev.pauta.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DraftCheckerTest {

    private static PhraseRule phrase(String phrase, int maxGap, String... exceptions) {
        return new PhraseRule(phrase, "instead", "ERROR", maxGap, List.of(exceptions), List.of(), "forbidden-phrases");
    }

    private final DraftChecker checker = new DraftChecker(List.of(
            phrase("eso no nos compete", 1),
            phrase("cálme*", 0),
            phrase("vuelva/vuelve a llamar", 0, "no hace falta que vuelva a llamar"),
            phrase("that's not my department", 0)),
            List.of(
                    new ChannelCheck("ALL", "shouting", List.of("3"), "WARNING", "write in sentence case", "tone-and-language"),
                    new ChannelCheck("EMAIL", "greeting", List.of("hola", "buenos días"), "ERROR", "open with a greeting", "email-protocol"),
                    new ChannelCheck("EMAIL", "closing", List.of("un saludo"), "ERROR", "close with a sign-off", "email-protocol"),
                    new ChannelCheck("CHAT", "maxChars", List.of("40"), "WARNING", "split the message", "chat-protocol")));

    private static String covered(String text, Violation v) {
        return text.substring(v.start(), v.end());
    }

    @Test
    void findsAPhraseThroughCaseAccentsPunctuationAndLineBreaks() {
        String text = "Mire: ¡ESO, no\n nos  COMPÉTE!";
        List<Violation> found = checker.check("PHONE", text);

        assertThat(found).filteredOn(v -> v.check().equals("phrase")).singleElement()
                .satisfies(v -> assertThat(covered(text, v)).isEqualTo("ESO, no\n nos  COMPÉTE"));
    }

    @Test
    void allowsTheDeclaredNumberOfInsertedWordsAndNoMore() {
        assertThat(checker.check("PHONE", "eso realmente no nos compete")).hasSize(1);
        assertThat(checker.check("PHONE", "eso realmente tampoco no nos compete")).isEmpty();
    }

    @Test
    void matchesDeclaredInflectionsAndAlternatives() {
        assertThat(checker.check("PHONE", "Cálmese, por favor")).extracting(Violation::phrase).containsExactly("cálme*");
        assertThat(checker.check("PHONE", "Mañana vuelve a llamar")).extracting(Violation::phrase).containsExactly("vuelva/vuelve a llamar");
    }

    @Test
    void aDeclaredExceptionIsNotAViolation() {
        assertThat(checker.check("PHONE", "Tranquila, no hace falta que vuelva a llamar: yo le llamo.")).isEmpty();
    }

    @Test
    void apostrophesStayInsideWords() {
        String text = "Sorry, that’s not my department.";
        assertThat(checker.check("PHONE", text)).singleElement().satisfies(v -> assertThat(covered(text, v)).isEqualTo("that’s not my department"));
    }

    @Test
    void anInnocentSentenceIsNotFlagged() {
        assertThat(checker.check("PHONE", "Me compete a mí resolverlo y no a usted volver a llamar.")).isEmpty();
    }

    @Test
    void shoutingIsThreeCapitalisedWordsInARow() {
        String text = "Su pedido LLEGA EL LUNES sin falta, OK";
        assertThat(checker.check("PHONE", text)).singleElement()
                .satisfies(v -> assertThat(covered(text, v)).isEqualTo("LLEGA EL LUNES"));
    }

    @Test
    void emailsNeedTheProtocolsGreetingAndClosing() {
        assertThat(checker.check("EMAIL", "Hola Ana,\nya está resuelto.\nUn saludo")).isEmpty();
        assertThat(checker.check("EMAIL", "Ya está resuelto.\nGracias")).extracting(Violation::check).containsExactly("greeting", "closing");
    }

    @Test
    void chatMessagesOverTheChannelLengthAreFlaggedFromTheLimitOn() {
        String text = "x".repeat(50);
        assertThat(checker.check("CHAT", text)).singleElement().satisfies(v -> {
            assertThat(v.check()).isEqualTo("maxChars");
            assertThat(v.start()).isEqualTo(40);
            assertThat(v.end()).isEqualTo(50);
        });
        assertThat(checker.check("PHONE", text)).isEmpty();
    }
}
