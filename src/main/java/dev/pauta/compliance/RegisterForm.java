package dev.pauta.compliance;

import java.util.Map;
import java.util.Set;

/**
 * One row of the manual's {@code register-forms} table: the same word written in each register ({@code forms}, by register
 * name), and the registers whose replies are checked for the other registers' forms ({@code checkedIn}; empty means every
 * register the row names). Forms compare whole words, ignoring case but not accents, so "estás" is not "estas".
 */
public record RegisterForm(Map<String, String> forms, Set<String> checkedIn, String section) {

    public RegisterForm {
        forms = Map.copyOf(forms);
        checkedIn = Set.copyOf(checkedIn);
    }

    /** Whether a reply in {@code register} is checked for this row's other forms. */
    public boolean checks(String register) {
        return forms.containsKey(register) && (checkedIn.isEmpty() || checkedIn.contains(register));
    }
}
