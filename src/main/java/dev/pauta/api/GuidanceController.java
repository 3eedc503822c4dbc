package dev.pauta.api;

import dev.pauta.PautaProperties;
import dev.pauta.decisions.Decisions;
import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.guidance.UnknownCodeException;
import dev.pauta.manual.ManualReader;
import dev.pauta.manual.Section;
import dev.pauta.search.SearchQuery;
import dev.pauta.search.SearchResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agent-facing v1 API: guidance, draft checks, manual search and sections. */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class GuidanceController {

    record CheckResponse(List<GuidanceResponse.ViolationDto> violations) {
    }

    record SectionResponse(String id, String title, String kind, String locale, List<String> channels, List<String> tags,
                           String owner, String reviewBy, String markdown, String html, int release) {
    }

    private final Decisions decisions;
    private final SnapshotHolder snapshots;
    private final PautaProperties properties;

    GuidanceController(Decisions decisions, SnapshotHolder snapshots, PautaProperties properties) {
        this.decisions = decisions;
        this.snapshots = snapshots;
        this.properties = properties;
    }

    @PostMapping(path = "/guidance", consumes = MediaType.APPLICATION_JSON_VALUE)
    GuidanceResponse guidance(@Valid @RequestBody GuidanceRequest request, Principal principal) {
        return GuidanceResponse.of(decisions.decide(request.toSituation(), AuthoringController.actor(principal)));
    }

    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    CheckResponse check(@Valid @RequestBody CheckRequest request) {
        Snapshot snapshot = snapshots.current();
        var checker = snapshot.checkers().get(request.locale());
        if (checker == null) {
            throw new UnknownCodeException("locale", request.locale(), snapshot.locales());
        }
        String channel = request.channel();
        if (channel != null && !snapshot.vocabularies().get(request.locale()).channels().containsKey(channel)) {
            throw new UnknownCodeException("channel", channel, snapshot.vocabularies().get(request.locale()).channels().keySet());
        }
        return new CheckResponse(checker.check(channel, request.text()).stream().map(GuidanceResponse.ViolationDto::of).toList());
    }

    @GetMapping("/search")
    SearchResult search(@RequestParam(name = "q", defaultValue = "") @Size(max = 500) String q,
                        @RequestParam(name = "locale", required = false) String locale,
                        @RequestParam(name = "kind", required = false) String kind,
                        @RequestParam(name = "channel", required = false) String channel,
                        @RequestParam(name = "limit", defaultValue = "10") @Min(1) @Max(100) int limit) {
        Snapshot snapshot = snapshots.current();
        String loc = locale == null || locale.isBlank() ? properties.defaultLocale() : locale;
        var index = snapshot.indexes().get(loc);
        if (index == null) {
            throw new UnknownCodeException("locale", loc, snapshot.locales());
        }
        if (kind != null && !kind.isBlank() && !ManualReader.KINDS.contains(kind)) {
            throw new UnknownCodeException("kind", kind, ManualReader.KINDS);
        }
        Set<String> channels = new TreeSet<>(snapshot.vocabularies().get(loc).channels().keySet());
        if (channel != null && !channel.isBlank() && !channels.contains(channel)) {
            throw new UnknownCodeException("channel", channel, channels);
        }
        return index.search(new SearchQuery(q, loc, blankToNull(kind), blankToNull(channel), limit));
    }

    @GetMapping("/sections/{id}")
    SectionResponse section(@PathVariable("id") String id, @RequestParam(name = "locale", required = false) String locale) {
        Snapshot snapshot = snapshots.current();
        String loc = locale == null || locale.isBlank() ? properties.defaultLocale() : locale;
        if (!snapshot.locales().contains(loc)) {
            throw new UnknownCodeException("locale", loc, snapshot.locales());
        }
        Section s = snapshot.manual().section(loc, id).orElseThrow(() -> new SectionNotFoundException(id, loc,
                snapshot.manual().sections(loc).stream().map(Section::id).collect(Collectors.toCollection(TreeSet::new))));
        return new SectionResponse(s.id(), s.title(), s.kind(), s.locale(), s.channels(), s.tags(), s.owner(), s.reviewBy().toString(),
                s.markdown(), s.html(), snapshot.release().number());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
