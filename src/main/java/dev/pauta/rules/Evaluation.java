package dev.pauta.rules;

import java.util.List;

/** What one rule evaluation produced, in firing order. */
public record Evaluation(List<Proposal> proposals, List<Hold> holds, List<String> rulesFired) {
}
