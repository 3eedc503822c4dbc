package dev.pauta.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code $names} a rule has bound so far: to a whole fact (whose accessors may then be called) or to a value. */
final class Bindings {

    static final Pattern NAME = Pattern.compile("\\$[A-Za-z][A-Za-z0-9_]*");
    static final String HINT = "name bindings $ followed by letters, digits or _, and bind each name once per rule";

    private final Map<String, FactTypes.FactType> facts = new HashMap<>();
    private final Set<String> values = new HashSet<>();

    void bindFact(String name, FactTypes.FactType type) {
        requireNew(name);
        facts.put(name, type);
    }

    void bindValue(String name) {
        requireNew(name);
        values.add(name);
    }

    boolean has(String name) {
        return facts.containsKey(name) || values.contains(name);
    }

    Optional<FactTypes.FactType> factOf(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    private void requireNew(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new Refusal("binding '" + PlainText.excerpt(name) + "' is not a $name", HINT);
        }
        if (has(name)) {
            throw new Refusal("'" + name + "' is bound twice in this rule", HINT);
        }
    }
}
