package dev.pauta.web;

import dev.pauta.guidance.ManualVocabulary;
import dev.pauta.guidance.UnknownCodeException;
import dev.pauta.insights.Insights;
import dev.pauta.insights.Suggestion;
import dev.pauta.insights.Suggestions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The policy owners' insights (PUBLISHER and above): an overview, one page per insight with its filters as a GET form,
 * its numbers as accessible tables, a server-drawn chart where one helps and a CSV download per table, and the inbox of
 * problem reports, accepted into a change or declined with a reply. It calls the same use cases as the API.
 */
@Controller
@RequestMapping("/insights")
class InsightsPage {

    /** The insights, in the order of the page's navigation. */
    static final List<String> NAMES = List.of("actions", "sections", "gaps", "adherence", "indicators", "releases", "stale");
    private static final String NAME = "{name:actions|sections|gaps|adherence|indicators|releases|stale}";
    private static final int INBOX_SIZE = 200;

    /** The filter form as typed; every field may be blank. */
    record FilterForm(@Size(max = 20) String from, @Size(max = 20) String to, @Size(max = 10) String locale, @Size(max = 40) String channel,
                      @Size(max = 60) String intent, @Size(max = 12) String release) {

        static final FilterForm EMPTY = new FilterForm(null, null, null, null, null, null);

        String query() {
            UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("from", from);
            fields.put("to", to);
            fields.put("locale", locale);
            fields.put("channel", channel);
            fields.put("intent", intent);
            fields.put("release", release);
            fields.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    uri.queryParam(k, v.strip());
                }
            });
            return uri.build().encode().getQuery();
        }
    }

    /** A field of the filter form the insights could not apply, with what to do in the reader's language. */
    record FieldProblem(String field, String message) {
    }

    private final Insights insights;
    private final Suggestions suggestions;
    private final ManualVocabulary vocabulary;
    private final MessageSource messages;

    InsightsPage(Insights insights, Suggestions suggestions, ManualVocabulary vocabulary, MessageSource messages) {
        this.insights = insights;
        this.suggestions = suggestions;
        this.vocabulary = vocabulary;
        this.messages = messages;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("names", NAMES);
        model.addAttribute("current", "overview");
        model.addAttribute("staleCount", insights.stale(null).size());
        model.addAttribute("openReports", suggestions.list(null, Suggestion.OPEN, Suggestions.MAX_LIMIT).size());
        return "insights/overview";
    }

    @GetMapping("/" + NAME)
    String insight(@PathVariable("name") String name, @ModelAttribute("form") FilterForm form, Locale locale, HttpServletResponse response, Model model) {
        frame(name, locale, model);
        List<FieldProblem> problems = new ArrayList<>();
        Insights.Filter filter = filter(form, locale, problems);
        if (filter == null) {
            response.setStatus(400);
            model.addAttribute("problems", problems);
            return "insights/page";
        }
        InsightViews.View view = view(name, filter, locale);
        model.addAttribute("filter", filter);
        model.addAttribute("ignored", filter.ignoredBy(name));
        model.addAttribute("view", view);
        String query = form.query() == null ? "" : form.query() + "&";
        Map<String, String> downloads = new LinkedHashMap<>();
        view.tables().forEach(t -> downloads.put(t.id(), "/insights/" + name + ".csv?" + query + "table=" + t.id()));
        model.addAttribute("downloads", downloads);
        return "insights/page";
    }

    @GetMapping("/" + NAME + ".csv")
    ResponseEntity<byte[]> csv(@PathVariable("name") String name, @ModelAttribute("form") FilterForm form,
                               @RequestParam(name = "table", required = false) @Size(max = 20) String table, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        Insights.Filter filter = filter(form, locale, problems);
        if (filter == null) {
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(String.join("\n", problems.stream().map(FieldProblem::message).toList()).getBytes(StandardCharsets.UTF_8));
        }
        List<InsightTable> tables = view(name, filter, locale).tables();
        InsightTable chosen = tables.stream().filter(t -> t.id().equals(table)).findFirst().orElse(tables.get(0));
        List<String> headings = chosen.columns().stream().map(c -> messages.getMessage(c.heading(), null, c.heading(), locale)).toList();
        String file = "pauta-" + chosen.id() + (name.equals("stale") ? "" : "-" + filter.from() + "-" + filter.to()) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(chosen.csv(headings));
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(name = "owner", required = false) @Size(max = 120) String owner,
                 @RequestParam(name = "status", required = false) @Size(max = 20) String status, Model model) {
        String shownStatus = status == null ? Suggestion.OPEN : status;
        model.addAttribute("names", NAMES);
        model.addAttribute("current", "inbox");
        model.addAttribute("owners", insights.owners());
        model.addAttribute("statuses", Suggestion.STATUSES);
        model.addAttribute("owner", owner == null ? "" : owner);
        model.addAttribute("status", shownStatus);
        model.addAttribute("reports", suggestions.list(owner, Suggestion.STATUSES.contains(shownStatus) ? shownStatus : null, INBOX_SIZE));
        return "insights/inbox";
    }

    @PostMapping("/inbox/{id}/accept")
    String accept(@PathVariable("id") long id, @RequestParam(name = "owner", required = false) @Size(max = 120) String owner, Principal person,
                  RedirectAttributes redirect) {
        try {
            Suggestion accepted = suggestions.accept(id, person.getName());
            redirect.addFlashAttribute("done", new Done("insights.inbox.accepted", List.of(accepted.id(), accepted.changeId(), accepted.section())));
        } catch (Suggestions.Closed | Suggestions.NotFound e) {
            redirect.addFlashAttribute("failed", new Done("insights.inbox.closed", List.of(id)));
        }
        return back(owner);
    }

    @PostMapping("/inbox/{id}/decline")
    String decline(@PathVariable("id") long id, @RequestParam(name = "reply", defaultValue = "") @Size(max = Suggestions.MAX_TEXT) String reply,
                   @RequestParam(name = "owner", required = false) @Size(max = 120) String owner, Principal person, RedirectAttributes redirect) {
        try {
            suggestions.decline(id, person.getName(), reply);
            redirect.addFlashAttribute("done", new Done("insights.inbox.declined", List.of(id)));
        } catch (Suggestions.Invalid e) {
            redirect.addFlashAttribute("failed", new Done("insights.inbox.reply-needed", List.of(id)));
            redirect.addFlashAttribute("replyFor", id);
        } catch (Suggestions.Closed | Suggestions.NotFound e) {
            redirect.addFlashAttribute("failed", new Done("insights.inbox.closed", List.of(id)));
        }
        return back(owner);
    }

    /** What an inbox action did, as a message key and its arguments. */
    record Done(String key, List<Object> args) {
    }

    private static String back(String owner) {
        return owner == null || owner.isBlank() ? "redirect:/insights/inbox"
                : "redirect:" + UriComponentsBuilder.fromPath("/insights/inbox").queryParam("owner", owner).build().encode().toUriString();
    }

    private void frame(String name, Locale locale, Model model) {
        model.addAttribute("names", NAMES);
        model.addAttribute("current", name);
        model.addAttribute("applies", Insights.APPLIES.get(name));
        model.addAttribute("locales", vocabulary.locales());
        model.addAttribute("vocab", vocabulary.vocabulary(vocabulary.locales().contains(locale.getLanguage()) ? locale.getLanguage() : null));
        model.addAttribute("release", vocabulary.release());
    }

    /** The filter the form asks for, or null with what is wrong added to {@code problems}. */
    private Insights.Filter filter(FilterForm form, Locale locale, List<FieldProblem> problems) {
        LocalDate from = day(form.from(), "from", locale, problems);
        LocalDate to = day(form.to(), "to", locale, problems);
        Integer release = null;
        if (form.release() != null && !form.release().isBlank()) {
            try {
                release = Integer.valueOf(form.release().strip());
            } catch (NumberFormatException e) {
                problems.add(problem("release", "insights.error.release", locale, vocabulary.release()));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return insights.filter(from, to, form.locale(), form.channel(), form.intent(), release);
        } catch (Insights.Invalid e) {
            e.errors().keySet().forEach(field -> problems.add(field.equals("release")
                    ? problem("release", "insights.error.release", locale, vocabulary.release())
                    : problem(field, "insights.error.window", locale)));
            return null;
        } catch (UnknownCodeException e) {
            problems.add(problem(e.field(), "insights.error.unknown-code", locale, e.value()));
            return null;
        }
    }

    private LocalDate day(String text, String field, Locale locale, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(problem(field, "insights.error.date", locale));
            return null;
        }
    }

    private FieldProblem problem(String field, String key, Locale locale, Object... args) {
        String label = messages.getMessage("insights.filter." + field, null, field, locale);
        return new FieldProblem(field, label + ": " + messages.getMessage(key, args, key, locale));
    }

    private InsightViews.View view(String name, Insights.Filter filter, Locale locale) {
        InsightViews views = new InsightViews(messages, locale);
        return switch (name) {
            case "actions" -> views.actions(insights.actions(filter));
            case "sections" -> views.sections(insights.sections(filter));
            case "gaps" -> views.gaps(insights.gaps(filter));
            case "adherence" -> views.adherence(insights.adherence(filter));
            case "indicators" -> views.indicators(insights.indicators(filter));
            case "releases" -> views.releases(insights.releases(filter), insights.tooFew());
            default -> views.stale(insights.stale(filter.locale()));
        };
    }
}
