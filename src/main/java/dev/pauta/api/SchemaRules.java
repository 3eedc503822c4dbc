package dev.pauta.api;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Nullability and presence as the server behaves: a request field that is not required may be null; a response field
 * is always present (the JSON writer includes nulls), so it is required, and null only where marked nullable.
 */
final class SchemaRules {

    private SchemaRules() {
    }

    static void apply(Map<String, Schema> schemas, Set<String> requests, Set<String> responses) {
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null || name.startsWith("Problem")) {
                return;
            }
            Map<String, Schema> properties = schema.getProperties();
            properties.values().forEach(SchemaRules::openMap);
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            if (requests.contains(name)) {
                new ArrayList<>(properties.keySet()).stream().filter(p -> !required.contains(p))
                        .forEach(p -> properties.put(p, nullable(properties.get(p))));
            } else if (responses.contains(name)) {
                Set<String> present = new TreeSet<>(required);
                properties.forEach((p, s) -> {
                    if (!Boolean.TRUE.equals(s.getNullable())) {
                        present.add(p);
                    }
                });
                schema.setRequired(new ArrayList<>(present));
            }
        });
    }

    /**
     * A map's values are described once, on the map; a {@code Map<String, Object>} (an open object such as an action's
     * params) takes any value, not only objects.
     */
    private static void openMap(Schema<?> property) {
        for (Schema<?> map = property; map != null && map.getAdditionalProperties() instanceof Schema<?> values; map = values) {
            values.setDescription(null);
            values.setExample(null);
            values.setExampleSetFlag(false);
            if ("object".equals(values.getType()) && values.getProperties() == null && values.getAdditionalProperties() == null) {
                map.setAdditionalProperties(true);
                return;
            }
        }
    }

    /**
     * OpenAPI 3.0 ignores siblings of $ref, and validators do not apply nullable to an allOf wrapper; an optional object
     * is therefore documented as absent, not null, and the DTO leaves it out of responses when it has none.
     */
    private static Schema<?> nullable(Schema<?> property) {
        return property.get$ref() == null ? property.nullable(true) : property;
    }
}
