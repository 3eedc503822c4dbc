package dev.pauta.guidance;

import dev.pauta.rules.Proposal;
import dev.pauta.rules.Situation;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the centre speaks in one locale, as its manual states it: the values of the variables scripts use ({@code {company}},
 * {@code {agent}}), the registers it uses and its default one, and the register rules that choose one per decision, first
 * row that applies wins. {@link #NONE} for a manual that names no registers. Immutable.
 */
record Voice(Map<String, String> variables, Map<String, Register> registers, String defaultRegister, List<RegisterRule> rules) {

    /** The levels of address a caller's system may request; each register of a locale has one. */
    static final Set<String> LEVELS = Set.of("informal", "formal");
    /** The register rules' signals the engine knows besides the codes of the vocabulary. */
    static final String REQUESTED = "requested";
    static final String ESCALATION = "escalation";
    static final String CUSTOMER_WORDS = "customer-words";
    static final String DEFAULT = "default";
    static final Set<String> SIGNALS = Set.of(REQUESTED, ESCALATION, CUSTOMER_WORDS, DEFAULT);
    /** The settings a manual may state; every one but {@code register} is a variable of the scripts. */
    static final String COMPANY = "company";
    static final String AGENT = "agent";
    static final String REGISTER = "register";
    static final Set<String> SETTINGS = Set.of(COMPANY, AGENT, REGISTER);
    static final Set<String> VARIABLES = Set.of(COMPANY, AGENT);

    static final Voice NONE = new Voice(Map.of(), Map.of(), null, List.of());

    /** A register the centre uses: its name as the manual writes it (tú, usted), its level, and the register whose words it borrows where it has none. */
    record Register(String name, String level, String fallback) {
    }

    /** A row of the register rules: when it applies, the register it chooses (empty: the requested one, or the default), and why in the manual's words. */
    record RegisterRule(String when, String register, String reason) {
    }

    /** The register a decision speaks in and why; both null when the manual names no registers. */
    record Choice(String register, String reason) {
        static final Choice NONE = new Choice(null, null);
    }

    Voice {
        variables = Map.copyOf(variables);
        registers = Collections.unmodifiableMap(new LinkedHashMap<>(registers));
        rules = List.copyOf(rules);
    }

    /**
     * The first register rule that applies to this situation and these kept actions, given the registers the customer's own
     * words use; the default register when none does.
     */
    Choice choose(Situation situation, List<Proposal> actions, Set<String> customerRegisters) {
        if (registers.isEmpty()) {
            return Choice.NONE;
        }
        Set<String> codes = codes(situation);
        for (RegisterRule rule : rules) {
            Optional<String> register = switch (rule.when()) {
                case REQUESTED -> ofLevel(situation.interaction().register());
                case ESCALATION -> actions.stream().anyMatch(p -> "ESCALATE".equals(p.type())) ? Optional.of(rule.register()) : Optional.empty();
                case CUSTOMER_WORDS -> customerRegisters.contains(rule.register()) ? Optional.of(rule.register()) : Optional.empty();
                case DEFAULT -> Optional.of(defaultRegister);
                default -> codes.contains(rule.when()) ? Optional.of(rule.register()) : Optional.empty();
            };
            if (register.isPresent()) {
                return new Choice(register.get(), render(rule.reason(), Map.of(REGISTER, register.get())));
            }
        }
        return new Choice(defaultRegister, null);
    }

    private Optional<String> ofLevel(String level) {
        return level == null ? Optional.empty() : registers.values().stream().filter(r -> r.level().equals(level)).map(Register::name).findFirst();
    }

    private static Set<String> codes(Situation situation) {
        Set<String> codes = new HashSet<>();
        codes.add(situation.channel());
        codes.add(situation.intent());
        Situation.Customer customer = situation.customer();
        if (customer.type() != null) {
            codes.add(customer.type());
        }
        if (customer.tier() != null) {
            codes.add(customer.tier());
        }
        codes.addAll(customer.specialNeeds());
        return codes;
    }

    /** The script's words for the customer in {@code register}, or in the register it borrows from; null when it has nothing to say. */
    String say(Script script, String register) {
        if (register == null) {
            return blankToNull(script.says().get(Script.SAY));
        }
        String own = blankToNull(script.says().get(register));
        Register known = registers.get(register);
        return own != null || known == null || known.fallback() == null ? own : blankToNull(script.says().get(known.fallback()));
    }

    /** The template with the action's parameters and the manual's variables filled in; a parameter of the same name wins. */
    String render(String template, Map<String, Object> params) {
        if (template == null) {
            return null;
        }
        String out = template;
        for (var entry : params.entrySet()) {
            out = out.replace("{" + entry.getKey() + "}", String.valueOf(entry.getValue()));
        }
        for (var entry : variables.entrySet()) {
            out = out.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return out;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
