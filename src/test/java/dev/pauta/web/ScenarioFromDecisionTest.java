package dev.pauta.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.decisions.Decisions;
import dev.pauta.rules.Situation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ScenarioFromDecisionTest {

    static final String HOSTILE = "¿Y ahora qué?: - [ ] # no\n- name: injected\n  given: {}\n&a *a !!java.lang.Runtime";

    @Test
    void aLoggedSituationBecomesOneScenarioWhoseWordsStayDataAndWhoseActionsKeepTheirParameters() {
        Situation situation = new Situation("es", "PHONE", "ORDER_DELAYED", new Situation.Customer("C-1", null, "GOLD", List.of("ELDERLY")),
                new Situation.Order(null, 4, null, null), new Situation.Interaction(null, null, null, null, HOSTILE), null);
        Decisions.Logged logged = new Decisions.Logged("d-1", Instant.parse("2026-11-25T10:00:00Z"), 1, "ana", 3, situation, null, 100, List.of());
        String existing = "# Scenarios made from logged decisions in the studio.\n\n- name: kept\n  given: {locale: es}\n  expect: [A]\n";

        String written = ScenarioFromDecision.append(existing, logged, List.of("DELAY_APOLOGY", "DELAY_COUPON{percent=20}"),
                List.of("DELAY_COUPON{percent=12}", "WAIT_APOLOGY"));

        assertThat(written).startsWith(existing);
        List<Map<String, Object>> scenarios = new Yaml(new SafeConstructor(new LoaderOptions())).load(written);
        assertThat(scenarios).hasSize(2);
        Map<String, Object> made = scenarios.get(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> given = (Map<String, Object>) made.get("given");
        assertThat(((Map<?, ?>) given.get("interaction")).get("text")).isEqualTo(HOSTILE);
        assertThat(given.get("customer")).isEqualTo(Map.of("tier", "GOLD", "specialNeeds", List.of("ELDERLY")));
        assertThat(made.get("expect")).isEqualTo(List.of("DELAY_APOLOGY", Map.of("code", "DELAY_COUPON", "params", Map.of("percent", 20))));
        assertThat(made.get("absent")).as("a code still given, with another parameter, is not absent").isEqualTo(List.of("WAIT_APOLOGY"));
    }
}
