package dev.pauta.web;

import dev.pauta.authoring.Authoring;
import dev.pauta.authoring.Views;
import dev.pauta.guidance.ManualSections;
import dev.pauta.guidance.ManualVocabulary;
import dev.pauta.guidance.SectionNotFoundException;
import dev.pauta.guidance.SectionView;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The policy owners' studio: the manual by owner and review date, a section in both locales with its history, and the
 * releases (timeline, diff between any two, export, roll back after a confirmation that names what will change).
 */
@Controller
@RequestMapping("/studio")
class StudioPage {

    private final ManualSections sections;
    private final ManualVocabulary vocabulary;
    private final Authoring authoring;
    private final Clock clock;

    StudioPage(ManualSections sections, ManualVocabulary vocabulary, Authoring authoring, Clock clock) {
        this.sections = sections;
        this.vocabulary = vocabulary;
        this.authoring = authoring;
        this.clock = clock;
    }

    @GetMapping
    String manual(@RequestParam(name = "show", defaultValue = "all") @Pattern(regexp = "all|mine|overdue") String show,
                  @RequestParam(name = "locale", required = false) @Size(max = 5) String locale, Locale language, Principal person, Model model) {
        String shown = locale == null || locale.isBlank() ? language.getLanguage() : locale;
        LocalDate today = LocalDate.now(clock);
        List<ManualSections.Summary> all = sections.all(shown);
        Map<String, List<ManualSections.Summary>> byKind = new LinkedHashMap<>();
        int overdue = 0;
        for (ManualSections.Summary s : all) {
            boolean late = s.reviewBy() != null && s.reviewBy().isBefore(today);
            overdue += late ? 1 : 0;
            boolean mine = person.getName().equalsIgnoreCase(s.owner());
            if (show.equals("all") || show.equals("mine") && mine || show.equals("overdue") && late) {
                byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Views.RevisionView> lastChange = new LinkedHashMap<>();
        for (ManualSections.Summary s : all) {
            authoring.history(path(s.locale(), s.id())).stream().findFirst().ifPresent(r -> lastChange.put(s.id(), r));
        }
        model.addAttribute("byKind", byKind);
        model.addAttribute("show", show);
        model.addAttribute("shownLocale", shown);
        model.addAttribute("locales", vocabulary.locales());
        model.addAttribute("today", today);
        model.addAttribute("overdueCount", overdue);
        model.addAttribute("total", all.size());
        model.addAttribute("lastChange", lastChange);
        return "studio/manual";
    }

    @GetMapping("/sections/{id}")
    String section(@PathVariable("id") @Size(max = 120) @Pattern(regexp = "[a-z0-9-]+") String id, Model model) {
        Map<String, SectionView> byLocale = new LinkedHashMap<>();
        Map<String, List<Views.RevisionView>> history = new LinkedHashMap<>();
        SectionNotFoundException missing = null;
        for (String locale : vocabulary.locales()) {
            try {
                byLocale.put(locale, sections.section(id, locale));
            } catch (SectionNotFoundException e) {
                byLocale.put(locale, null);
                missing = e;
            }
            history.put(locale, authoring.history(path(locale, id)));
        }
        if (missing != null && byLocale.values().stream().allMatch(v -> v == null)) {
            throw missing;
        }
        model.addAttribute("id", id);
        model.addAttribute("byLocale", byLocale);
        model.addAttribute("history", history);
        model.addAttribute("today", LocalDate.now(clock));
        return "studio/section";
    }

    @GetMapping("/releases")
    String releases(Model model) {
        List<Views.ReleaseView> releases = authoring.releases();
        model.addAttribute("releases", releases);
        return "studio/releases";
    }

    @GetMapping("/releases/diff")
    String diff(@RequestParam("from") int from, @RequestParam("to") int to, Model model) {
        model.addAttribute("title", "releases");
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("diffs", releaseDiff(from, to));
        return "studio/diff";
    }

    @GetMapping("/releases/{n}/export")
    ResponseEntity<byte[]> export(@PathVariable("n") int n) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("pauta-release-" + n + ".zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(authoring.export(n));
    }

    /** Says what rolling back to release {@code n} would change before anything is done. */
    @GetMapping("/releases/{n}/rollback")
    String confirmRollback(@PathVariable("n") int n, Model model) {
        int current = authoring.releases().stream().filter(Views.ReleaseView::current).mapToInt(Views.ReleaseView::number).findFirst().orElse(n);
        model.addAttribute("target", authoring.release(n));
        model.addAttribute("current", current);
        model.addAttribute("diffs", releaseDiff(current, n));
        return "studio/rollback";
    }

    @PostMapping("/releases/{n}/rollback")
    String rollback(@PathVariable("n") int n, Principal person) {
        Views.ReleaseView made = authoring.rollback(n, person.getName());
        return "redirect:/studio/releases?made=" + made.number();
    }

    private List<SideBySide> releaseDiff(int from, int to) {
        List<SideBySide> diffs = new ArrayList<>();
        for (Views.DocumentDiff d : authoring.diff(from, to)) {
            String before = d.status().equals("ADDED") ? null : authoring.document(d.path(), from).content();
            String after = d.status().equals("REMOVED") ? null : authoring.document(d.path(), to).content();
            diffs.add(SideBySide.of(d.path(), before, after));
        }
        return diffs;
    }

    static String path(String locale, String id) {
        return "manual/" + locale + "/" + id + ".md";
    }
}
