package dev.pauta.rules;

import dev.pauta.rules.facts.Accessor;
import dev.pauta.rules.facts.CompensationEntry;
import dev.pauta.rules.facts.Contact;
import dev.pauta.rules.facts.Customer;
import dev.pauta.rules.facts.Interaction;
import dev.pauta.rules.facts.Order;
import dev.pauta.rules.facts.PolicyRow;
import dev.pauta.rules.facts.SpecialNeed;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The fact types a rule may match, with the properties and {@link Accessor} methods it may use; read by reflection once. */
final class FactTypes {

    static final String PACKAGE = "dev.pauta.rules.facts";

    /** One fact type: its readable properties (and which of them are numbers) and its accessor methods by name, with their number of arguments. */
    record FactType(String name, Set<String> properties, Set<String> numbers, Map<String, Integer> accessors) {
    }

    /** Only the result of {@code from accumulate(…)}; read like a fact through its value methods. */
    static final FactType NUMBER = new FactType("Number", Set.of("intValue", "longValue", "doubleValue"),
            Set.of("intValue", "longValue", "doubleValue"), Map.of());

    private static final Map<String, FactType> MATCHABLE = read(Contact.class, Customer.class, SpecialNeed.class, Order.class,
            Interaction.class, PolicyRow.class, CompensationEntry.class);

    private FactTypes() {
    }

    /** The fact type a pattern names, simple or qualified; empty for anything else (Outcome and Number included). */
    static Optional<FactType> matchable(String typeName) {
        String simple = typeName.startsWith(PACKAGE + ".") ? typeName.substring(PACKAGE.length() + 1) : typeName;
        return Optional.ofNullable(MATCHABLE.get(simple));
    }

    static boolean isNumber(String typeName) {
        return typeName.equals("Number") || typeName.equals("java.lang.Number");
    }

    static Set<String> names() {
        return new TreeSet<>(MATCHABLE.keySet());
    }

    private static Map<String, FactType> read(Class<?>... types) {
        Map<String, FactType> facts = new LinkedHashMap<>();
        for (Class<?> type : types) {
            Set<String> properties = new TreeSet<>();
            Set<String> numbers = new TreeSet<>();
            Map<String, Integer> accessors = new TreeMap<>();
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                if (method.isAnnotationPresent(Accessor.class)) {
                    accessors.put(method.getName(), method.getParameterCount());
                } else if (method.getParameterCount() == 0 && method.getReturnType() != void.class && method.getName().startsWith("get")
                        && method.getName().length() > 3) {
                    String property = Introspector.decapitalize(method.getName().substring(3));
                    properties.add(property);
                    if (isNumber(method.getReturnType())) {
                        numbers.add(property);
                    }
                }
            }
            facts.put(type.getSimpleName(), new FactType(type.getSimpleName(), Set.copyOf(properties), Set.copyOf(numbers), Map.copyOf(accessors)));
        }
        return Map.copyOf(facts);
    }

    private static boolean isNumber(Class<?> type) {
        return type == int.class || type == long.class || type == double.class || type == float.class || type == short.class
                || type == byte.class || Number.class.isAssignableFrom(type);
    }
}
