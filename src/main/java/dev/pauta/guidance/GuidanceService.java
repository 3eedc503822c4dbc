package dev.pauta.guidance;

import dev.pauta.compliance.DraftChecker;
import dev.pauta.compliance.PhraseRule;
import dev.pauta.compliance.Violation;
import dev.pauta.manual.Section;
import dev.pauta.rules.Compensation;
import dev.pauta.rules.Evaluation;
import dev.pauta.rules.Hold;
import dev.pauta.rules.Proposal;
import dev.pauta.rules.Situation;
import dev.pauta.search.SearchHit;
import dev.pauta.search.SearchQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Situation → Decision on the current snapshot: rules propose, arbitration removes held and duplicate offers, the
 * manual's register rules choose how to address the customer, the manual supplies the words in that register, search
 * finds the sections to read, the checker flags the draft (words of another register too). A pure function of
 * (snapshot, situation, ledger) but for the id and timing. Decisions given to a caller are handed to the
 * {@link DecisionRecorder} before they are returned. Thread-safe.
 */
public final class GuidanceService {

    static final int AVOID_LIMIT = 8;
    static final int SECTION_LIMIT = 5;

    /** For engines that answer no one; never wired into the application, which requires a recorder. */
    private static final DecisionRecorder UNRECORDED = (situation, decision, caller) -> { };

    private final SnapshotHolder holder;
    private final Ledger ledger;
    private final DecisionRecorder recorder;
    private final Clock clock;

    public GuidanceService(SnapshotHolder holder, Ledger ledger, DecisionRecorder recorder, Clock clock) {
        this.holder = holder;
        this.ledger = ledger;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** An engine whose decisions are recorded nowhere: for the scenario runner, the probe and benchmarks. */
    public GuidanceService(SnapshotHolder holder, Ledger ledger, Clock clock) {
        this(holder, ledger, UNRECORDED, clock);
    }

    /**
     * The guidance use case: decides on the current release with the customer's ledger and returns the decision once the
     * recorder (the decision log) has it. A code the release does not define is an {@link UnknownCodeException}.
     */
    public Decision decide(Situation situation, String caller) {
        Decision decision = decide(holder.current(), situation, ledgerOf(situation));
        recorder.record(situation, decision, caller);
        return decision;
    }

    /** Decides on the current release with the customer's ledger without recording: for evaluations that answer no one. */
    public Decision decide(Situation situation) {
        return decide(holder.current(), situation, ledgerOf(situation));
    }

    private List<Compensation> ledgerOf(Situation situation) {
        String customerId = situation.customer().id();
        return customerId == null ? List.of() : ledger.entries(customerId);
    }

    /** Decides on the given snapshot with the given ledger entries, unrecorded: replays bring the ledger of the customer they replay. */
    public Decision decide(Snapshot snapshot, Situation situation, List<Compensation> ledgerEntries) {
        long started = System.nanoTime();
        Vocabulary vocabulary = KnownCodes.situation(snapshot, situation);
        String locale = situation.locale();
        Evaluation evaluation = snapshot.ruleSet().evaluate(situation, snapshot.policyFacts().get(locale), ledgerEntries, clock.instant());

        Map<String, Script> scripts = snapshot.scripts().get(locale);
        Voice voice = snapshot.voices().getOrDefault(locale, Voice.NONE);
        DraftChecker checker = snapshot.checkers().get(locale);
        List<Decision.NotApplied> notApplied = new ArrayList<>();
        List<Proposal> kept = arbitrate(evaluation, scripts, voice, id -> snapshot.manual().section(locale, id).map(Section::title).orElse(id), notApplied);
        Voice.Choice register = voice.choose(situation, kept, checker.registersUsed(situation.interaction().text()));
        List<Decision.Action> actions = kept.stream().map(p -> action(snapshot, locale, scripts, voice, register.register(), p)).toList();

        List<Decision.Avoid> avoid = avoid(checker.phrases(), situation.intent());
        List<Decision.SectionMatch> sections = sections(snapshot, situation, vocabulary);
        List<Violation> violations = situation.draft() == null ? List.of() : checker.check(situation.channel(), situation.draft(), register.register());
        List<String> fired = List.copyOf(new LinkedHashSet<>(evaluation.rulesFired()));
        long micros = (System.nanoTime() - started) / 1_000;
        return new Decision(UUID.randomUUID().toString(), snapshot.release().number(), register.register(), register.reason(), actions, avoid, sections,
                violations, new Decision.Explanation(fired, notApplied, micros));
    }

    /** The parameter an offer declares its worth with. */
    static final String WORTH = "percent";
    /** The scripts that say why an offer was not made: one worth more was, or one worth the same came first by priority. */
    static final String NOT_STACKED = "OFFER_NOT_STACKED";
    static final String SAME_WORTH = "OFFER_SAME_WORTH";
    static final Set<String> OFFER_SCRIPTS = Set.of(NOT_STACKED, SAME_WORTH);
    /** Worth first, then priority, then the code, so which proposal wins never depends on the order rules fired in. */
    private static final Comparator<Proposal> PREFERRED = Comparator.comparingDouble(GuidanceService::worth).reversed()
            .thenComparing(Comparator.comparingInt(Proposal::priority).reversed())
            .thenComparing(Proposal::code);

    /**
     * Holds remove their codes; a code proposed twice keeps the proposal worth most, then the one of highest priority.
     * Offers never stack: the one worth most (the percent it declares) is made, the higher priority breaking a tie, and
     * every other offer is listed as not applied with the manual's words for why.
     *
     * @param titles the title of a section by id, in the request's locale
     */
    static List<Proposal> arbitrate(Evaluation evaluation, Map<String, Script> scripts, Function<String, String> titles, List<Decision.NotApplied> notApplied) {
        return arbitrate(evaluation, scripts, Voice.NONE, titles, notApplied);
    }

    /** As above, with the manual's variables filled into the words of what was not applied. */
    static List<Proposal> arbitrate(Evaluation evaluation, Map<String, Script> scripts, Voice voice, Function<String, String> titles,
                                    List<Decision.NotApplied> notApplied) {
        Map<String, Hold> holds = new LinkedHashMap<>();
        evaluation.holds().forEach(h -> holds.putIfAbsent(h.code(), h));
        Map<String, Proposal> byCode = new LinkedHashMap<>();
        for (Proposal p : evaluation.proposals()) {
            if (!holds.containsKey(p.code())) {
                byCode.merge(p.code(), p, (a, b) -> PREFERRED.compare(b, a) < 0 ? b : a);
            }
        }
        holds.values().forEach(h -> {
            if (evaluation.proposals().stream().anyMatch(p -> p.code().equals(h.code()))) {
                notApplied.add(new Decision.NotApplied(h.code(), words(scripts, voice, h.reason(), h.params(), "held back by rule '" + h.rule() + "'")));
            }
        });
        List<Proposal> offers = byCode.values().stream().filter(GuidanceService::isOffer).sorted(PREFERRED).toList();
        Proposal made = offers.isEmpty() ? null : offers.get(0);
        offers.stream().skip(1).forEach(other -> notApplied.add(notMade(other, made, scripts, voice, titles)));
        List<Proposal> kept = new ArrayList<>(byCode.values());
        kept.removeIf(p -> isOffer(p) && p != made);
        kept.sort(Comparator.comparingInt(Proposal::priority).reversed());
        return kept;
    }

    private static boolean isOffer(Proposal p) {
        return "OFFER".equals(p.type());
    }

    /** What an offer is worth: the percent it declares (validation requires one); any other action, or a missing percent, is worth least. */
    private static double worth(Proposal p) {
        double percent = isOffer(p) && p.params().get(WORTH) instanceof Number n ? n.doubleValue() : Double.NaN;
        return Double.isNaN(percent) ? Double.NEGATIVE_INFINITY : percent;
    }

    private static Decision.NotApplied notMade(Proposal offer, Proposal made, Map<String, Script> scripts, Voice voice, Function<String, String> titles) {
        boolean tie = worth(offer) == worth(made);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("winner", made.code());
        params.put("winnerSection", made.sections().isEmpty() ? made.code() : titles.apply(made.sections().get(0)));
        params.put("winnerPercent", made.params().getOrDefault(WORTH, "?"));
        params.put(WORTH, offer.params().getOrDefault(WORTH, "?"));
        String fallback = tie ? "worth the same as " + made.code() + ", which comes first by priority; offers never stack"
                : "worth less than " + made.code() + "; offers never stack";
        return new Decision.NotApplied(offer.code(), words(scripts, voice, tie ? SAME_WORTH : NOT_STACKED, params, fallback));
    }

    private static String words(Map<String, Script> scripts, Voice voice, String code, Map<String, Object> params, String fallback) {
        Script script = code == null ? null : scripts.get(code);
        return script == null ? fallback : voice.render(script.text(), params);
    }

    /** The action with the agent's guidance, the words to say in the decision's register, and why. */
    private static Decision.Action action(Snapshot snapshot, String locale, Map<String, Script> scripts, Voice voice, String register, Proposal p) {
        Script script = scripts.get(p.script() != null ? p.script() : p.code());
        String text = p.text() != null ? voice.render(p.text(), p.params()) : script != null ? voice.render(script.text(), p.params()) : p.code();
        String say = script == null ? null : voice.render(voice.say(script, register), p.params());
        String reason = script != null && !script.reason().isBlank() ? voice.render(script.reason(), p.params()) : "";
        Set<String> cited = new LinkedHashSet<>(p.sections());
        if (script != null) {
            cited.add(script.section());
        }
        List<Decision.SectionRef> refs = cited.stream()
                .map(id -> new Decision.SectionRef(id, snapshot.manual().section(locale, id).map(Section::title).orElse(id)))
                .toList();
        return new Decision.Action(p.type(), p.code(), p.priority(), text, say, reason, p.rule(), refs, p.params());
    }

    /** The phrases most tempting for this intent first, then the ones that apply everywhere. */
    static List<Decision.Avoid> avoid(List<PhraseRule> phrases, String intent) {
        List<Decision.Avoid> specific = new ArrayList<>();
        List<Decision.Avoid> general = new ArrayList<>();
        for (PhraseRule rule : phrases) {
            Decision.Avoid avoid = new Decision.Avoid(rule.phrase(), rule.instead(), rule.section());
            if (rule.intents().contains(intent)) {
                specific.add(avoid);
            } else if (rule.intents().isEmpty() && rule.severity().equals("ERROR")) {
                general.add(avoid);
            }
        }
        specific.addAll(general);
        return specific.size() > AVOID_LIMIT ? List.copyOf(specific.subList(0, AVOID_LIMIT)) : specific;
    }

    private static List<Decision.SectionMatch> sections(Snapshot snapshot, Situation situation, Vocabulary vocabulary) {
        StringBuilder query = new StringBuilder();
        if (situation.interaction().text() != null) {
            query.append(situation.interaction().text()).append(' ');
        }
        query.append(vocabulary.intents().getOrDefault(situation.intent(), "")).append(' ');
        query.append(String.join(" ", vocabulary.intentKeywords().getOrDefault(situation.intent(), List.of())));
        List<SearchHit> hits = snapshot.indexes().get(situation.locale())
                .search(SearchQuery.forGuidance(query.toString(), situation.locale(), situation.channel(), SECTION_LIMIT)).hits();
        return hits.stream().map(h -> new Decision.SectionMatch(h.id(), h.title(), h.kind(), h.snippet(), h.score())).toList();
    }
}
