package dev.pauta.api;

import dev.pauta.decisions.Decisions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads a logged decision's stored JSON (schema version 1: the Jackson rendering of {@code rules.Situation} and
 * {@code guidance.Decision}) into the guidance request and response DTOs, field by field, so the wire form does not
 * follow the stored form when either changes.
 */
final class StoredDecisions {

    /** The only stored form there is; another issue versions it in the decisions module. */
    static final int SCHEMA_VERSION = 1;

    private StoredDecisions() {
    }

    static DecisionDtos.DecisionRecordDto of(Decisions.Logged logged) {
        return new DecisionDtos.DecisionRecordDto(logged.decisionId(), logged.at(), logged.release(), logged.caller(), SCHEMA_VERSION,
                situation(logged.situation()), decision(logged.decision()), logged.latencyMicros(),
                logged.feedback().stream().map(f -> new DecisionDtos.FeedbackDto(f.action(), f.outcome(), f.helpful(), f.comment(), f.caller(), f.at()))
                        .toList());
    }

    static GuidanceRequest situation(JsonNode s) {
        JsonNode c = present(s.get("customer"));
        JsonNode o = present(s.get("order"));
        JsonNode i = present(s.get("interaction"));
        GuidanceRequest.CustomerDto customer = c == null ? null
                : new GuidanceRequest.CustomerDto(text(c, "id"), text(c, "type"), text(c, "tier"), list(c.get("specialNeeds"), JsonNode::asString));
        GuidanceRequest.OrderDto order = o == null ? null
                : new GuidanceRequest.OrderDto(text(o, "id"), whole(o, "delayDays"), decimal(o, "value"), text(o, "currency"));
        GuidanceRequest.InteractionDto interaction = i == null ? null
                : new GuidanceRequest.InteractionDto(whole(i, "waitMinutes"), whole(i, "transfers"), whole(i, "contactsAboutIssue"),
                        present(i.get("sentiment")) == null ? null : i.get("sentiment").asDouble(), text(i, "text"));
        return new GuidanceRequest(text(s, "locale"), text(s, "channel"), text(s, "intent"), customer, order, interaction, text(s, "draft"));
    }

    static GuidanceResponse decision(JsonNode d) {
        JsonNode e = d.get("explanation");
        return new GuidanceResponse(text(d, "decisionId"), d.get("release").asInt(),
                list(d.get("actions"), a -> new GuidanceResponse.ActionDto(text(a, "type"), text(a, "code"), a.get("priority").asInt(), text(a, "text"),
                        text(a, "reason"), text(a, "rule"), list(a.get("sections"), r -> new GuidanceResponse.SectionRefDto(text(r, "id"), text(r, "title"))),
                        params(a.get("params")))),
                list(d.get("avoid"), a -> new GuidanceResponse.AvoidDto(text(a, "phrase"), text(a, "instead"), text(a, "section"))),
                list(d.get("sections"), m -> new GuidanceResponse.SectionDto(text(m, "id"), text(m, "title"), text(m, "kind"), text(m, "snippet"),
                        m.get("score").floatValue())),
                list(d.get("violations"), v -> new GuidanceResponse.ViolationDto(v.get("start").asInt(), v.get("end").asInt(), text(v, "phrase"),
                        text(v, "instead"), text(v, "severity"), text(v, "section"), text(v, "check"))),
                new GuidanceResponse.ExplanationDto(list(e.get("rulesFired"), JsonNode::asString),
                        list(e.get("notApplied"), n -> new GuidanceResponse.NotAppliedDto(text(n, "code"), text(n, "why"))), e.get("tookMicros").asLong()));
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = present(node.get(field));
        return value == null ? null : value.asString();
    }

    private static Integer whole(JsonNode node, String field) {
        JsonNode value = present(node.get(field));
        return value == null ? null : value.asInt();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = present(node.get(field));
        return value == null ? null : value.decimalValue();
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        if (present(array) != null) {
            array.forEach(n -> items.add(item.apply(n)));
        }
        return items;
    }

    /** Parameters are the rule's own: numbers stay numbers and text stays text. */
    private static Map<String, Object> params(JsonNode node) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (present(node) != null) {
            node.properties().forEach(p -> params.put(p.getKey(), p.getValue().isNumber() ? p.getValue().numberValue()
                    : p.getValue().isBoolean() ? p.getValue().booleanValue() : p.getValue().isString() ? p.getValue().asString() : p.getValue()));
        }
        return params;
    }
}
