package dev.pauta.api;

import dev.pauta.decisions.Decisions;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The wire forms of decision records: read back, listed, checked, given feedback, and replayed for a change's impact. */
final class DecisionDtos {

    private DecisionDtos() {
    }

    @Schema(name = "FeedbackRequest")
    @FixHint("send action (a code from the decision's actions) and outcome (ACCEPTED or REJECTED); reason (with REJECTED only), helpful and comment are optional")
    record FeedbackRequest(@Schema(description = "The code of one of the decision's actions.", example = "DELAY_COUPON")
                           @NotNull @Size(min = 1, max = 60) @Pattern(regexp = Formats.NOT_BLANK) String action,
                           @Schema(allowableValues = {"ACCEPTED", "REJECTED"}) @NotNull @Pattern(regexp = "^(ACCEPTED|REJECTED)$") String outcome,
                           @Schema(description = "Why the action was rejected: a code of the manual's rejection-reasons table in the decision's locale "
                                   + "(an unknown one is answered with the known ones). Only with outcome REJECTED.", example = "DOES_NOT_APPLY")
                           @Size(min = 1, max = 60) @Pattern(regexp = Formats.NOT_BLANK) String reason,
                           Boolean helpful,
                           @Size(max = 2000) String comment) {
    }

    @Schema(name = "OutcomeRequest", description = "What happened after the decision, as far as the reporting system knows; send at least one field.")
    @FixHint("send at least one of resolved, firstContact (true or false), csat (1 to 5), contactsAboutIssue (1 to 1000) and handleSeconds (0 to 604800)")
    record OutcomeRequest(@Schema(description = "Whether the customer's issue was resolved.", example = "true") Boolean resolved,
                          @Schema(description = "Whether it was resolved without the customer having to get in touch again.", example = "true") Boolean firstContact,
                          @Schema(description = "The customer's satisfaction score, 1 to 5.", example = "4") @Min(1) @Max(Decisions.OutcomeReport.MAX_CSAT) Integer csat,
                          @Schema(description = "How many contacts the issue has taken, this one included.", example = "1")
                          @Min(1) @Max(Decisions.OutcomeReport.MAX_CONTACTS) Integer contactsAboutIssue,
                          @Schema(description = "How long the contact took, in seconds.", example = "340")
                          @Min(0) @Max(Decisions.OutcomeReport.MAX_HANDLE_SECONDS) Integer handleSeconds) {

        Decisions.OutcomeReport report() {
            return new Decisions.OutcomeReport(resolved, firstContact, csat, contactsAboutIssue, handleSeconds);
        }
    }

    @Schema(name = "Outcome", description = "The outcome stored for a decision: the latest report, who sent it, when, and how many different reports it has had.")
    record OutcomeDto(String decisionId, @Schema(nullable = true) Boolean resolved, @Schema(nullable = true) Boolean firstContact,
                      @Schema(nullable = true) Integer csat, @Schema(nullable = true) Integer contactsAboutIssue, @Schema(nullable = true) Integer handleSeconds,
                      @Schema(description = "Who reported it.") String caller, Instant at,
                      @Schema(description = "How many different reports the decision has had up to this one; a repeated report is not counted again.") int reports) {
        static OutcomeDto of(Decisions.Outcome o) {
            return new OutcomeDto(o.decisionId(), o.resolved(), o.firstContact(), o.csat(), o.contactsAboutIssue(), o.handleSeconds(), o.caller(), o.at(),
                    o.reports());
        }
    }

    @Schema(name = "ImpactRequest")
    @FixHint("send from and to as ISO-8601 instants (2026-11-01T00:00:00Z) and sample between 1 and 100000, or no body for the last 1000 decisions")
    record ImpactRequest(@Schema(description = "Replay decisions logged at or after this instant.") Instant from,
                         @Schema(description = "Replay decisions logged before this instant.") Instant to,
                         @Schema(description = "At most this many decisions, newest first; 1000 when absent.") @Min(1) @Max(Decisions.MAX_IMPACT_SAMPLE) Integer sample) {
    }

    @Schema(name = "Feedback")
    record FeedbackDto(String action, @Schema(allowableValues = {"ACCEPTED", "REJECTED"}) String outcome,
                       @Schema(description = "The rejection-reasons code sent with a REJECTED outcome.", nullable = true) String reason,
                       @Schema(nullable = true) Boolean helpful,
                       @Schema(nullable = true) String comment, String caller, Instant at) {
    }

    @Schema(name = "DecisionRecord", description = "A logged decision: the situation as logged (masked fields as configured) and the decision, "
            + "in the schemas of the guidance request and response.")
    record DecisionRecordDto(String decisionId, Instant at, int release, String caller,
                             @Schema(description = "The version of the stored form the record was read from: 1 for decisions logged before stored schemas were versioned, "
                                     + "2 until the register and the words to say were kept (read back with them null), 3 since.", allowableValues = {"1", "2", "3"}) int schemaVersion,
                             GuidanceRequest situation, GuidanceResponse decision, long latencyMicros, List<FeedbackDto> feedback,
                             @Schema(description = "The outcome reports received, oldest first; the last one is the decision's outcome.") List<OutcomeDto> outcomes) {
    }

    @Schema(name = "DecisionPage")
    record DecisionPageDto(long total, int page, int size, List<DecisionRecordDto> items) {
    }

    @Schema(name = "FeedbackResult")
    record FeedbackResultDto(String decisionId, String action, @Schema(allowableValues = {"ACCEPTED", "REJECTED"}) String outcome,
                             @Schema(description = "What the ledger did: an accepted offer is recorded once.",
                                     allowableValues = {"RECORDED", "ALREADY_RECORDED", "NOT_APPLICABLE"}) String ledger) {
        static FeedbackResultDto of(Decisions.FeedbackResult r) {
            return new FeedbackResultDto(r.decisionId(), r.action(), r.outcome(), r.ledger());
        }
    }

    @Schema(name = "BrokenRecord")
    record BrokenRecordDto(long seq, String decisionId, String problem) {
    }

    @Schema(name = "ChainCheck")
    record ChainCheckDto(boolean ok, long checked, long broken, List<BrokenRecordDto> brokenRecords,
                         @Schema(nullable = true) Long brokenAtSeq, @Schema(nullable = true) String brokenDecisionId, @Schema(nullable = true) String problem) {
        static ChainCheckDto of(Decisions.ChainCheck c) {
            return new ChainCheckDto(c.ok(), c.checked(), c.broken(),
                    c.brokenRecords().stream().map(b -> new BrokenRecordDto(b.seq(), b.decisionId(), b.problem())).toList(),
                    c.brokenAtSeq(), c.brokenDecisionId(), c.problem());
        }
    }

    @Schema(name = "ImpactExample")
    record ImpactExampleDto(String decisionId, List<String> before, List<String> after,
                            @Schema(description = "Codes held back before the change.") List<String> notAppliedBefore,
                            @Schema(description = "Codes held back under the change.") List<String> notAppliedAfter) {
    }

    @Schema(name = "Impact")
    record ImpactDto(int replayed, int changed,
                     @Schema(description = "Action codes that appear, with how many decisions gain them.") Map<String, Integer> appeared,
                     @Schema(description = "Action codes that disappear, with how many decisions lose them.") Map<String, Integer> disappeared,
                     List<ImpactExampleDto> examples, int currentRelease) {
        static ImpactDto of(Decisions.Impact i) {
            return new ImpactDto(i.replayed(), i.changed(), i.appeared(), i.disappeared(),
                    i.examples().stream().map(e -> new ImpactExampleDto(e.decisionId(), e.before(), e.after(), e.notAppliedBefore(), e.notAppliedAfter())).toList(), i.currentRelease());
        }
    }
}
