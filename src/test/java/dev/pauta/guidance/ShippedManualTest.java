package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ShippedSnapshot;
import dev.pauta.compliance.Violation;
import dev.pauta.rules.Situation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped manual holds what the API contract promises, every intent on every channel gets cited guidance, and it speaks
 * as the centre its settings name, in the register its rules choose.
 */
class ShippedManualTest {

    static final List<String> CONTRACT_SECTIONS = List.of("vision-mission", "values", "tone-and-language", "forbidden-phrases", "customer-types",
            "special-groups", "phone-protocol", "email-protocol", "chat-protocol", "social-protocol", "store-protocol", "ticket-protocol",
            "complaint-handling", "delay-compensation", "escalation", "wrong-department", "long-wait", "refunds", "cancellation-retention", "faq",
            "service-indicators", "feedback-and-suggestions", "references");

    private final Snapshot snapshot = ShippedSnapshot.get();

    @Test
    void bothLocalesHoldEveryContractSection() {
        for (String locale : List.of("es", "en")) {
            for (String id : CONTRACT_SECTIONS) {
                assertThat(snapshot.manual().section(locale, id)).as(locale + "/" + id).isPresent();
            }
        }
    }

    @Test
    void theVocabularyHoldsAtLeastTheContractCodes() {
        for (String locale : List.of("es", "en")) {
            Vocabulary v = snapshot.vocabularies().get(locale);
            assertThat(v.channels()).containsKeys("PHONE", "EMAIL", "CHAT", "SOCIAL", "STORE", "WEB");
            assertThat(v.intents()).containsKeys("ORDER_DELAYED", "WRONG_DEPARTMENT", "COMPLAINT", "REFUND", "PRODUCT_QUESTION", "BILLING",
                    "CANCELLATION", "LONG_WAIT", "FEEDBACK", "OTHER");
            assertThat(v.customerTypes()).containsKeys("FRIENDLY", "DEMANDING", "INDIFFERENT", "ANGRY", "INDECISIVE", "IMPATIENT");
            assertThat(v.tiers()).containsKeys("STANDARD", "GOLD", "VIP");
            assertThat(v.specialNeeds()).containsKeys("ELDERLY", "HEARING_IMPAIRED", "VISUALLY_IMPAIRED", "MOBILITY_IMPAIRED", "COGNITIVE");
        }
    }

    @Test
    void everyIntentOnEveryChannelGetsAnActionCitingAnExistingSection() {
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(snapshot);
        GuidanceService guidance = new GuidanceService(holder, Ledger.NONE, Clock.systemUTC());
        int walked = 0;
        for (String locale : snapshot.locales()) {
            Vocabulary v = snapshot.vocabularies().get(locale);
            for (String intent : v.intents().keySet()) {
                for (String channel : v.channels().keySet()) {
                    Decision decision = guidance.decide(new Situation(locale, channel, intent, null, null, null, null));
                    assertThat(decision.actions()).as(locale + " " + intent + " " + channel).isNotEmpty();
                    decision.actions().forEach(a -> assertThat(a.sections()).as(a.code()).isNotEmpty()
                            .allSatisfy(s -> assertThat(snapshot.manual().section(locale, s.id())).isPresent()));
                    walked++;
                }
            }
        }
        assertThat(walked).isGreaterThanOrEqualTo(2 * 10 * 6);
        assertThat(Probe.run(snapshot)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "es|eso no nos compete", "es|marcó mal", "es|vuelva a llamar", "es|no es mi problema", "es|cálmese", "es|no se puede hacer nada",
            "es|es la política de la empresa", "es|eso no es mi departamento",
            "en|that's not our responsibility", "en|you dialed the wrong option", "en|call back later", "en|not my problem", "en|calm down",
            "en|there's nothing we can do", "en|it's company policy", "en|that's not my department"})
    void everyPhraseTheContractNamesIsFlaggedWithWhatToSayInstead(String locale, String phrase) {
        String text = "Bueno. " + phrase + ". Gracias.";

        List<Violation> violations = snapshot.checkers().get(locale).check("PHONE", text);

        assertThat(violations).as(phrase).anySatisfy(v -> {
            assertThat(v.phrase()).isEqualTo(phrase);
            assertThat(text.substring(v.start(), v.end())).isEqualTo(phrase);
            assertThat(v.instead()).isNotBlank();
        });
    }

    private Decision decide(Situation situation) {
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(snapshot);
        return new GuidanceService(holder, Ledger.NONE, Clock.systemUTC()).decide(situation);
    }

    /** The words of another register than {@code register} in what an action says. */
    private List<String> otherRegisterWords(String locale, String register, Decision.Action action) {
        return snapshot.checkers().get(locale).check(null, action.say(), register).stream()
                .filter(v -> v.check().equals("register")).map(v -> action.say().substring(v.start(), v.end())).toList();
    }

    @ParameterizedTest
    @CsvSource({"es, usted", "en, formal"})
    void anElderlyCustomerIsAddressedFormallyInEveryActionsWordsOnEveryIntentAndChannel(String locale, String formal) {
        Vocabulary v = snapshot.vocabularies().get(locale);
        int said = 0;
        for (String intent : v.intents().keySet()) {
            for (String channel : v.channels().keySet()) {
                Decision decision = decide(new Situation(locale, channel, intent, new Situation.Customer("C-OLD", null, "STANDARD", List.of("ELDERLY")), null, null, null));
                assertThat(decision.register()).as(intent + " " + channel).isEqualTo(formal);
                assertThat(decision.registerReason()).isNotBlank().doesNotContain("{");
                for (Decision.Action action : decision.actions()) {
                    if (action.say() != null) {
                        said++;
                        assertThat(otherRegisterWords(locale, formal, action)).as(action.code() + ": " + action.say()).isEmpty();
                        assertThat(action.say()).doesNotContain("{").doesNotContain("Pauta");
                    }
                }
            }
        }
        assertThat(said).isGreaterThan(v.intents().size() * v.channels().size());
    }

    @ParameterizedTest
    @CsvSource({"es, tú", "en, neutral"})
    void aFriendlyChatCustomerIsAddressedWithTheCentresDefault(String locale, String register) {
        for (String intent : snapshot.vocabularies().get(locale).intents().keySet()) {
            Decision decision = decide(new Situation(locale, "CHAT", intent, new Situation.Customer("C-FRIENDLY", "FRIENDLY", "STANDARD", List.of()), null, null, null));

            assertThat(decision.register()).as(intent).isEqualTo(register);
            decision.actions().stream().filter(a -> a.say() != null)
                    .forEach(a -> assertThat(otherRegisterWords(locale, register, a)).as(a.code() + ": " + a.say()).isEmpty());
        }
    }

    @Test
    void noShippedScriptNamesPautaAndTheCentresNameComesFromTheSettings() {
        for (String locale : snapshot.locales()) {
            Voice voice = snapshot.voices().get(locale);
            assertThat(voice.variables()).containsKeys("company", "agent");
            assertThat(voice.variables().get("company")).isNotEqualTo("Pauta");
            for (Script script : snapshot.scripts().get(locale).values()) {
                List<String> cells = new ArrayList<>(script.says().values());
                cells.add(script.text());
                cells.add(script.reason());
                assertThat(cells).as(locale + " " + script.code()).noneMatch(c -> c.contains("Pauta"));
            }
            Decision call = decide(new Situation(locale, "PHONE", "OTHER", null, null, null, null));
            String greeting = call.actions().stream().filter(a -> a.code().equals("PHONE_GREETING")).findFirst().orElseThrow().say();
            assertThat(greeting).contains(voice.variables().get("company")).contains(voice.variables().get("agent"));
        }
    }

    @ParameterizedTest
    @CsvSource({"es, usted, informal, tú", "en, formal, informal, neutral", "es, tú, formal, usted", "en, neutral, formal, formal"})
    void theRegisterTheCallersSystemAsksForWinsOverTheManualsOtherRules(String locale, String otherwise, String requested, String expected) {
        Situation.Customer customer = otherwise.equals("usted") || otherwise.equals("formal")
                ? new Situation.Customer("C-ASKED", null, null, List.of("ELDERLY")) : new Situation.Customer("C-ASKED", "FRIENDLY", null, List.of());

        Decision decision = decide(new Situation(locale, "PHONE", "OTHER", customer, null, new Situation.Interaction(null, null, null, null, null, requested), null));

        assertThat(decision.register()).isEqualTo(expected);
        assertThat(decision.actions()).filteredOn(a -> a.say() != null).isNotEmpty()
                .allSatisfy(a -> assertThat(otherRegisterWords(locale, expected, a)).as(a.code()).isEmpty());
    }
}
