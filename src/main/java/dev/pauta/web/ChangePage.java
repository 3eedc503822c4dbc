package dev.pauta.web;

import dev.pauta.authoring.Authoring;
import dev.pauta.authoring.AuthoringException;
import dev.pauta.authoring.PolicyTableForms;
import dev.pauta.authoring.Views;
import dev.pauta.decisions.Decisions;
import dev.pauta.manual.Bundle;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Changes as policy owners work on them: list and create, edit a document with a live preview (a stale save shows both
 * texts and loses neither), validate, the impact on logged decisions with before and after, a changed decision turned
 * into a scenario, the diff against the base release, and publish. Calls the same entry points as the API.
 */
@Controller
@RequestMapping("/studio/changes")
class ChangePage {

    static final String SCENARIOS_FROM_DECISIONS = "rules/tests/from-decisions.yaml";

    private final Authoring authoring;
    private final Decisions decisions;
    private final PolicyTableForms tables;

    ChangePage(Authoring authoring, Decisions decisions, PolicyTableForms tables) {
        this.authoring = authoring;
        this.decisions = decisions;
        this.tables = tables;
    }

    @GetMapping
    String list(Model model) {
        Map<String, List<Views.ChangeView>> byStatus = new LinkedHashMap<>();
        for (Views.ChangeView change : authoring.changes()) {
            byStatus.computeIfAbsent(change.status(), s -> new ArrayList<>()).add(change);
        }
        model.addAttribute("byStatus", byStatus);
        return "studio/changes";
    }

    @PostMapping
    String create(@RequestParam("title") @NotBlank @Size(max = 200) String title, Principal person) {
        return "redirect:/studio/changes/" + authoring.createChange(title.strip(), person.getName()).id();
    }

    @GetMapping("/{id}")
    String change(@PathVariable("id") long id, Model model) {
        Views.ChangeView change = authoring.change(id);
        model.addAttribute("change", change);
        model.addAttribute("fourEyes", authoring.fourEyes());
        model.addAttribute("paths", new TreeSet<>(authoring.changeBundle(id).documents().keySet()));
        model.addAttribute("open", "OPEN".equals(change.status()));
        return "studio/change";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable("id") long id, @RequestParam("path") @Size(max = Bundle.MAX_PATH_LENGTH) String path, Model model) {
        Views.ChangeView change = authoring.change(id);
        String content = authoring.changeBundle(id).documents().get(path);
        model.addAttribute("change", change);
        model.addAttribute("path", path);
        model.addAttribute("revision", revision(change, path));
        model.addAttribute("isNew", content == null);
        SectionFields fields = path.startsWith("manual/") ? SectionFields.read(content).orElse(null) : null;
        model.addAttribute("fields", fields);
        model.addAttribute("content", fields != null ? fields.body() : content == null ? "" : content);
        model.addAttribute("kinds", List.of("policy", "protocol", "guideline", "foundation", "reference"));
        model.addAttribute("tables", fields == null ? List.of() : tablesOf(id, path));
        return "studio/edit";
    }

    /** What the editor posts: the whole text, or (for a section) its front matter as fields and its body. */
    record DocumentForm(@NotBlank @Size(max = Bundle.MAX_PATH_LENGTH) String path, @Size(max = 1_000_000) String content, String mode,
                        @Size(max = 300) String title, @Size(max = 40) String kind, @Size(max = 2000) String channels, @Size(max = 4000) String tags,
                        @Size(max = 200) String owner, @Size(max = 40) String reviewBy, @Size(max = 1_000_000) String body, Long baseRevision) {

        String text(String original) {
            return "fields".equals(mode) ? new SectionFields(title, kind, channels, tags, owner, reviewBy, body).writeInto(original)
                    : content == null ? "" : content;
        }
    }

    @PostMapping("/{id}/edit")
    String save(@PathVariable("id") long id, @jakarta.validation.Valid DocumentForm form, Principal person, HttpServletResponse response, Model model) {
        String text = form.text(authoring.changeBundle(id).documents().get(form.path()));
        try {
            authoring.putDocument(id, form.path(), text, form.baseRevision() == null ? 0 : form.baseRevision(), person.getName());
            return "redirect:/studio/changes/" + id + "/edit?saved&path=" + java.net.URLEncoder.encode(form.path(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (AuthoringException.StaleRevision stale) {
            // someone saved this document meanwhile: show both texts, keep the owner's in the editor, and let them save over the new revision
            response.setStatus(409);
            model.addAttribute("change", authoring.change(id));
            model.addAttribute("path", form.path());
            model.addAttribute("content", text);
            model.addAttribute("revision", stale.currentRevision());
            model.addAttribute("theirs", stale.currentContent() == null ? "" : stale.currentContent());
            model.addAttribute("stale", SideBySide.of(form.path(), stale.currentContent(), text));
            model.addAttribute("isNew", false);
            return "studio/edit";
        }
    }

    @PostMapping("/{id}/preview")
    String preview(@PathVariable("id") long id, @jakarta.validation.Valid DocumentForm form, Model model) {
        model.addAttribute("preview", Preview.of(form.path(), form.text(authoring.changeBundle(id).documents().get(form.path()))));
        return "studio/edit :: preview";
    }

    @PostMapping("/{id}/validate")
    String validate(@PathVariable("id") long id, Model model) {
        long started = System.nanoTime();
        model.addAttribute("report", authoring.validate(id));
        model.addAttribute("tookMillis", (System.nanoTime() - started) / 1_000_000);
        model.addAttribute("change", authoring.change(id));
        return "studio/change :: validation";
    }

    @PostMapping("/{id}/impact")
    String impact(@PathVariable("id") long id, @RequestParam(name = "sample", defaultValue = "1000") @Min(1) @Max(Decisions.MAX_IMPACT_SAMPLE) int sample,
                  @RequestParam(name = "days", required = false) @Min(1) @Max(3650) Integer days, Model model) {
        long started = System.nanoTime();
        Instant to = days == null ? null : Instant.now();
        Instant from = days == null ? null : to.minusSeconds(days * 86_400L);
        model.addAttribute("impact", decisions.impact(id, from, to, sample));
        model.addAttribute("tookMillis", (System.nanoTime() - started) / 1_000_000);
        model.addAttribute("change", authoring.change(id));
        return "studio/change :: impact";
    }

    /** Adds a scenario to the change that expects, for a logged situation, the actions the change now gives it. */
    @PostMapping("/{id}/scenarios")
    String scenario(@PathVariable("id") long id, @RequestParam("decisionId") @Size(max = 64) String decisionId,
                    @RequestParam(name = "expect", required = false) List<@Size(max = 60) String> expect,
                    @RequestParam(name = "absent", required = false) List<@Size(max = 60) String> absent, Principal person, Model model) {
        Decisions.Logged logged = decisions.find(decisionId);
        Views.ChangeView change = authoring.change(id);
        String existing = authoring.changeBundle(id).documents().get(SCENARIOS_FROM_DECISIONS);
        String updated = ScenarioFromDecision.append(existing, logged, expect == null ? List.of() : expect, absent == null ? List.of() : absent);
        authoring.putDocument(id, SCENARIOS_FROM_DECISIONS, updated, revision(change, SCENARIOS_FROM_DECISIONS), person.getName());
        model.addAttribute("decisionId", decisionId);
        model.addAttribute("change", change);
        model.addAttribute("scenarioPath", SCENARIOS_FROM_DECISIONS);
        return "studio/change :: scenario-added";
    }

    @GetMapping("/{id}/diff")
    String diff(@PathVariable("id") long id, Model model) {
        Views.ChangeView change = authoring.change(id);
        Map<String, String> now = authoring.changeBundle(id).documents();
        List<SideBySide> diffs = new ArrayList<>();
        for (Views.EditedDocument edited : change.documents()) {
            String before = authoring.releaseRevisions(change.baseRelease()).containsKey(edited.path())
                    ? authoring.document(edited.path(), change.baseRelease()).content() : null;
            diffs.add(SideBySide.of(edited.path(), before, edited.deleted() ? null : now.get(edited.path())));
        }
        model.addAttribute("title", "change");
        model.addAttribute("change", change);
        model.addAttribute("diffs", diffs);
        return "studio/diff";
    }

    @PostMapping("/{id}/review-request")
    String requestReview(@PathVariable("id") long id, Principal person) {
        authoring.requestReview(id, person.getName());
        return "redirect:/studio/changes/" + id + "?reviewRequested";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable("id") long id, @RequestParam(name = "comment", required = false) @Size(max = 2000) String comment, Principal person) {
        authoring.approve(id, person.getName(), comment == null || comment.isBlank() ? null : comment.strip());
        return "redirect:/studio/changes/" + id + "?approved";
    }

    @PostMapping("/{id}/request-changes")
    String requestChanges(@PathVariable("id") long id, @RequestParam("comment") @NotBlank @Size(max = 2000) String comment, Principal person) {
        authoring.requestChanges(id, person.getName(), comment.strip());
        return "redirect:/studio/changes/" + id + "?changesRequested";
    }

    @PostMapping("/{id}/rebase")
    String rebase(@PathVariable("id") long id, Principal person) {
        authoring.rebase(id, person.getName());
        return "redirect:/studio/changes/" + id + "?rebased";
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable("id") long id, @RequestParam("message") @NotBlank @Size(max = 500) String message, Principal person,
                   HttpServletResponse response, Model model) {
        try {
            Views.ReleaseView release = authoring.publish(id, message.strip(), person.getName());
            return "redirect:/studio/releases?made=" + release.number();
        } catch (AuthoringException.Conflict conflict) {
            response.setStatus(409);
            model.addAttribute("conflict", conflict.paths());
            return change(id, model);
        }
    }

    /** The policy tables of a section document, or none when it cannot be read as a section yet (the preview says why). */
    private List<String> tablesOf(long id, String path) {
        try {
            return tables.tables(id, path);
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    /** The revision a save of {@code path} must name: the change's own draft, else the base release's, else 0 for a new file. */
    private long revision(Views.ChangeView change, String path) {
        return change.documents().stream().filter(d -> d.path().equals(path)).mapToLong(Views.EditedDocument::revision).findFirst()
                .orElseGet(() -> authoring.releaseRevisions(change.baseRelease()).getOrDefault(path, 0L));
    }
}
