package dev.pauta.rules.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global every rule writes to: {@code outcome.propose(kcontext, "OFFER", "DELAY_COUPON", 80).param("percent", $p)}
 * or {@code outcome.hold(kcontext, "DELAY_COUPON", "COUPON_CAP_REACHED")}. One instance per evaluation.
 */
public final class Outcome {

    /** A proposal or hold being written by a rule, before it is frozen into a record. */
    public static final class Entry {
        public final String kind;
        public final String type;
        public final String code;
        public final String reason;
        public final int priority;
        public final String rule;
        public final String packageName;
        public final Map<String, Object> params = new LinkedHashMap<>();
        public String text;
        public String script;

        Entry(String kind, String type, String code, String reason, int priority, RuleContext context) {
            this.kind = kind;
            this.type = type;
            this.code = code;
            this.reason = reason;
            this.priority = priority;
            this.rule = context.getRule().getName();
            this.packageName = context.getRule().getPackageName();
        }

        public Entry param(String name, Object value) {
            if (value == null) {
                // Failing here names the rule; a null would otherwise break the decision after the rules ran.
                throw new IllegalArgumentException("parameter '" + name + "' has no value");
            }
            params.put(name, value instanceof Double d && d == Math.rint(d) ? (Object) d.longValue() : value);
            return this;
        }

        /** Words taken from a policy-table cell, used instead of the script for the code. */
        public Entry text(String words) {
            this.text = words;
            return this;
        }

        /** The scripts code whose words (and reason) this action uses, when it is not the action code itself. */
        public Entry script(String code) {
            this.script = code;
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> fired = new ArrayList<>();

    public Entry propose(RuleContext context, String type, String code, int priority) {
        Entry entry = new Entry("propose", type, code, null, priority, context);
        entries.add(entry);
        return entry;
    }

    public Entry hold(RuleContext context, String code, String reason) {
        Entry entry = new Entry("hold", null, code, reason, 0, context);
        entries.add(entry);
        return entry;
    }

    public void fired(String rule) {
        fired.add(rule);
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<String> rulesFired() {
        return fired;
    }
}
