package dev.pauta.web;

import dev.pauta.compliance.Violation;
import dev.pauta.decisions.Decisions;
import dev.pauta.guidance.Decision;
import dev.pauta.guidance.DraftCheck;
import dev.pauta.guidance.GuidanceService;
import dev.pauta.guidance.ManualSearch;
import dev.pauta.guidance.ManualSections;
import dev.pauta.guidance.ManualVocabulary;
import dev.pauta.guidance.SectionView;
import dev.pauta.search.SearchResult;
import dev.pauta.insights.Insights;
import dev.pauta.insights.Suggestion;
import dev.pauta.insights.SuggestionDraft;
import dev.pauta.insights.Suggestions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent workspace: situation, guidance cards with feedback, the draft checked as it is typed, and the manual. Each
 * partial request (htmx) gets the fragment it updates; the same URL without script gets the whole page, so every action
 * also works as a plain form. It calls the same use-case entry points as the API.
 */
@Controller
@RequestMapping("/agent")
class AgentPage {

    private static final String PAGE = "agent/page";

    private final GuidanceService guidance;
    private final DraftCheck drafts;
    private final ManualSearch search;
    private final ManualSections sections;
    private final ManualVocabulary vocabulary;
    private final Decisions decisions;
    private final Clock clock;
    private final MessageSource messages;
    private final Suggestions suggestions;
    private final Insights insights;

    AgentPage(GuidanceService guidance, DraftCheck drafts, ManualSearch search, ManualSections sections, ManualVocabulary vocabulary, Decisions decisions,
              Suggestions suggestions, Insights insights, Clock clock, MessageSource messages) {
        this.suggestions = suggestions;
        this.insights = insights;
        this.messages = messages;
        this.guidance = guidance;
        this.drafts = drafts;
        this.search = search;
        this.sections = sections;
        this.vocabulary = vocabulary;
        this.decisions = decisions;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(name = "section", required = false) @Size(max = 120) String section,
                @RequestParam(name = "q", required = false) @Size(max = ManualSearch.Query.MAX_TEXT) String q, Locale locale, Principal person,
                Model model) {
        workspace(model, locale, SituationForm.EMPTY);
        model.addAttribute("reports", suggestions.byReporter(person.getName(), 20));
        if (section != null) {
            reader(model, section, locale, null, person);
        }
        if (q != null) {
            results(model, q, null, null, locale, person);
        }
        return PAGE;
    }

    @PostMapping("/guidance")
    String guidance(@Valid @ModelAttribute("form") SituationForm form, BindingResult errors, Locale locale, Principal person,
                    @RequestHeader(name = "HX-Request", required = false) String partial, HttpServletResponse response, Model model) {
        if (errors.hasErrors()) {
            response.setStatus(422);
            model.addAttribute("formErrors", errors.getFieldErrors().stream()
                    .map(e -> new FieldProblem(e.getField(), messages.getMessage("field." + e.getField(), null, e.getField(), locale) + ": "
                            + messages.getMessage(e, locale)))
                    .toList());
        } else {
            Decision decision = guidance.decide(form.toSituation(locale.getLanguage()), person.getName());
            List<Decision.Action> offers = decision.actions().stream().filter(a -> "OFFER".equals(a.type())).toList();
            model.addAttribute("decision", decision);
            model.addAttribute("offers", offers);
            model.addAttribute("offerWords", offers.stream().map(offer -> offerWords(offer, locale)).collect(Collectors.joining(", ")));
        }
        model.addAttribute("partial", partial != null);
        model.addAttribute("vocab", vocabulary.vocabulary(locale.getLanguage()));
        if (partial != null) {
            return PAGE + " :: guidance-result";
        }
        workspace(model, locale, form);
        return PAGE;
    }

    @PostMapping("/check")
    String check(@RequestParam(name = "draft", defaultValue = "") @Size(max = 20_000) String draft,
                 @RequestParam(name = "channel", required = false) @Size(max = 40) String channel,
                 @RequestParam(name = "register", required = false) @Size(max = 40) String register, Locale locale, Model model) {
        List<Violation> found = drafts.check(locale.getLanguage(), blank(channel), draft, blank(register));
        insights.checked(locale.getLanguage(), channel == null || channel.isBlank() ? null : channel,
                found.stream().map(v -> "phrase".equals(v.check()) ? v.phrase() : v.check()).toList());
        model.addAttribute("draft", draft);
        model.addAttribute("violations", found);
        model.addAttribute("marked", MarkedDraft.of(draft, found));
        model.addAttribute("replacements", found.stream().map(v -> String.valueOf(MarkedDraft.replacement(v.instead()))).toList());
        model.addAttribute("channelRules", channel == null || channel.isBlank() ? List.of() : vocabulary.channelRules(locale.getLanguage(), channel));
        return PAGE + " :: draft-result";
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", defaultValue = "") @Size(max = ManualSearch.Query.MAX_TEXT) String q,
                  @RequestParam(name = "kind", required = false) @Size(max = 40) String kind,
                  @RequestParam(name = "channel", required = false) @Size(max = 40) String channel, Locale locale, Principal person, Model model) {
        results(model, q, kind, channel, locale, person);
        return PAGE + " :: search-results";
    }

    @GetMapping("/sections/{id}")
    String section(@PathVariable("id") @Size(max = 120) String id, @RequestParam(name = "anchor", required = false) @Pattern(regexp = "[\\p{L}\\p{N}_-]{0,120}") String anchor,
                   Locale locale, Principal person, @RequestHeader(name = "HX-Request", required = false) String partial, Model model) {
        reader(model, id, locale, anchor, person);
        if (partial != null) {
            return PAGE + " :: reader";
        }
        workspace(model, locale, SituationForm.EMPTY);
        return PAGE;
    }

    @PostMapping("/decisions/{id}/feedback")
    String feedback(@PathVariable("id") @Size(max = 64) String id, @RequestParam("action") @Size(max = 60) String action,
                    @RequestParam("outcome") @Pattern(regexp = "ACCEPTED|REJECTED") String outcome,
                    @RequestParam(name = "reason", required = false) @Size(max = 60) String reason,
                    @RequestParam(name = "comment", required = false) @Size(max = 2000) String comment,
                    @RequestParam(name = "helpful", required = false) Boolean helpful, Principal person, Model model) {
        // a reason belongs to "not right" only; the select is in the same form as "used", so it is dropped for an acceptance
        Decisions.FeedbackResult result = decisions.feedback(id, action, outcome, "REJECTED".equals(outcome) ? reason : null, helpful,
                comment == null || comment.isBlank() ? null : comment.strip(), person.getName());
        model.addAttribute("recorded", result);
        return "agent/replies :: feedback-result";
    }

    @PostMapping("/sections/{id}/report")
    String report(@PathVariable("id") @Size(max = 120) String id, @RequestParam(name = "text", defaultValue = "") @Size(max = Suggestions.MAX_TEXT) String text,
                  @RequestParam(name = "release", required = false) Integer release,
                  @RequestParam(name = "decisionId", required = false) @Size(max = 64) String decisionId, Locale locale, Principal person, Model model) {
        Suggestion stored = suggestions.report(new SuggestionDraft(id, locale.getLanguage(), release, decisionId == null || decisionId.isBlank() ? null : decisionId,
                text.strip()), person.getName());
        model.addAttribute("suggestion", stored);
        return "agent/replies :: report-sent";
    }

    /** A field the form refused, with the message in the agent's language (never a converter's text). */
    record FieldProblem(String field, String message) {
    }

    /** An offer as the live region reads it: its parameters in words ("15 %"), or its type when it has none. */
    private String offerWords(Decision.Action offer, Locale locale) {
        String params = offer.params().entrySet().stream()
                .map(p -> messages.getMessage("param." + p.getKey(), new Object[] {p.getValue()}, p.getKey() + ": " + p.getValue(), locale))
                .collect(Collectors.joining(" "));
        return params.isEmpty() ? offer.code() : params;
    }

    private void workspace(Model model, Locale locale, SituationForm form) {
        model.addAttribute("vocab", vocabulary.vocabulary(locale.getLanguage()));
        model.addAttribute("release", vocabulary.release());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
    }

    private void reader(Model model, String id, Locale locale, String anchor, Principal person) {
        SectionView view = sections.section(id, locale.getLanguage());
        insights.opened(view.id(), view.locale(), person.getName());
        model.addAttribute("reader", view);
        model.addAttribute("overdue", view.reviewBy() != null && view.reviewBy().isBefore(LocalDate.now(clock)));
        model.addAttribute("anchor", anchor);
    }

    private void results(Model model, String q, String kind, String channel, Locale locale, Principal person) {
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("channel", channel);
        SearchResult found = search.search(new ManualSearch.Query(q, locale.getLanguage(), blank(kind), blank(channel), 8));
        if (!q.isBlank()) {
            insights.searched(q, locale.getLanguage(), found.total(), person.getName());
        }
        model.addAttribute("results", found);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
