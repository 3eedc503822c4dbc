package dev.pauta.api;

import dev.pauta.decisions.Decisions;
import dev.pauta.rules.Situation;

/**
 * A logged decision in the API's own schemas: the situation as a guidance request and the decision as a guidance
 * response, whatever schema version the decisions module read it from, so the wire form never follows the stored form.
 */
final class StoredDecisions {

    private StoredDecisions() {
    }

    static DecisionDtos.DecisionRecordDto of(Decisions.Logged logged, java.util.List<Decisions.Outcome> outcomes) {
        return new DecisionDtos.DecisionRecordDto(logged.decisionId(), logged.at(), logged.release(), logged.caller(), logged.schemaVersion(),
                situation(logged.situation()), GuidanceResponse.of(logged.decision()), logged.latencyMicros(),
                logged.feedback().stream().map(f -> new DecisionDtos.FeedbackDto(f.action(), f.outcome(), f.reason(), f.helpful(), f.comment(), f.caller(), f.at()))
                        .toList(),
                outcomes.stream().map(DecisionDtos.OutcomeDto::of).toList());
    }

    static GuidanceRequest situation(Situation s) {
        Situation.Customer c = s.customer();
        Situation.Order o = s.order();
        Situation.Interaction i = s.interaction();
        return new GuidanceRequest(s.locale(), s.channel(), s.intent(),
                new GuidanceRequest.CustomerDto(c.id(), c.type(), c.tier(), c.specialNeeds()),
                o == null ? null : new GuidanceRequest.OrderDto(o.id(), o.delayDays(), o.value(), o.currency()),
                new GuidanceRequest.InteractionDto(i.waitMinutes(), i.transfers(), i.contactsAboutIssue(), i.sentiment(), i.text(), i.register()),
                s.draft());
    }
}
