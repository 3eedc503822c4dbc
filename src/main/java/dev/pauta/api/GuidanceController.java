package dev.pauta.api;

import dev.pauta.compliance.Violation;
import dev.pauta.guidance.DraftCheck;
import dev.pauta.guidance.GuidanceService;
import dev.pauta.guidance.ManualSearch;
import dev.pauta.guidance.ManualSections;
import dev.pauta.guidance.SectionView;
import dev.pauta.insights.Insights;
import dev.pauta.search.SearchResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agent-facing v1 API: guidance, draft checks, manual search and sections. */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class GuidanceController {

    private final GuidanceService guidance;
    private final DraftCheck drafts;
    private final ManualSearch search;
    private final ManualSections sections;
    private final Insights insights;

    GuidanceController(GuidanceService guidance, DraftCheck drafts, ManualSearch search, ManualSections sections, Insights insights) {
        this.guidance = guidance;
        this.drafts = drafts;
        this.search = search;
        this.sections = sections;
        this.insights = insights;
    }

    @Operation(operationId = "decide", summary = "Decide the next best actions for a situation",
            description = "Runs the current release's rules on the situation, searches the manual, checks the draft and logs the decision "
                    + "before answering. Keep decisionId: feedback and the logged record are found by it. Unknown codes are a 400 unknown_code "
                    + "listing the known ones.")
    @PostMapping(path = "/guidance", consumes = MediaType.APPLICATION_JSON_VALUE)
    GuidanceResponse guidance(@Valid @RequestBody GuidanceRequest request, Principal principal) {
        return GuidanceResponse.of(guidance.decide(request.toSituation(), AuthoringController.actor(principal)));
    }

    @Operation(operationId = "checkDraft", summary = "Check a draft reply against the phrase tables",
            description = "Flags forbidden phrases (with what to say instead) and the channel's checks, with character offsets into the text.")
    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    ManualDtos.CheckResponse check(@Valid @RequestBody CheckRequest request) {
        List<Violation> found = drafts.check(request.locale(), request.channel(), request.text(), request.register());
        insights.checked(request.locale(), request.channel(), found.stream().map(v -> "phrase".equals(v.check()) ? v.phrase() : v.check()).toList());
        return new ManualDtos.CheckResponse(found.stream().map(GuidanceResponse.ViolationDto::of).toList());
    }

    @Operation(operationId = "searchManual", summary = "Search the manual",
            description = "Full-text search of the current release in one locale, with misspellings corrected, facet counts by kind and channel, "
                    + "and highlighted snippets. The query is searched as words, never parsed as syntax.")
    @GetMapping("/search")
    ManualDtos.SearchResponse search(
            @Parameter(description = "Words to look for; empty lists sections by relevance to nothing (all).") @RequestParam(name = "q", defaultValue = "") @Size(max = ManualSearch.Query.MAX_TEXT) String q,
            @Parameter(description = "A locale of the manual; pauta.default-locale when absent.", example = "es") @RequestParam(name = "locale", required = false)
            @Size(max = 5) String locale,
            @Parameter(description = "Only sections of this kind.", schema = @Schema(allowableValues = {"foundation", "guideline", "protocol", "policy", "reference"}))
            @RequestParam(name = "kind", required = false) String kind,
            @Parameter(description = "Only sections for this channel code.", example = "PHONE") @RequestParam(name = "channel", required = false) @Size(max = 40) String channel,
            @RequestParam(name = "limit", defaultValue = "10") @Min(1) @Max(ManualSearch.Query.MAX_LIMIT) int limit, Principal principal) {
        SearchResult result = search.search(new ManualSearch.Query(q, locale, kind, channel, limit));
        insights.searched(q, locale, result.total(), AuthoringController.actor(principal));
        return ManualDtos.SearchResponse.of(result);
    }

    @Operation(operationId = "getSection", summary = "Read a section of the manual",
            description = "One section of the current release in one locale, as Markdown and as sanitized HTML (rendered once, when the release "
                    + "was loaded). The ETag names the release, the locale and the section: send it back in If-None-Match and the answer is an "
                    + "empty 304 until another release is published. An unknown id is a 404 listing the known ones.")
    @ApiResponse(responseCode = "200", description = "The section", useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, description = "Names the release, locale and section read", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Not modified: the release still holds the section as the ETag sent names it", content = @Content,
            headers = @Header(name = HttpHeaders.ETAG, description = "The same ETag", schema = @Schema(type = "string")))
    @GetMapping("/sections/{id}")
    ResponseEntity<ManualDtos.SectionResponse> section(@Parameter(example = "delay-compensation") @PathVariable("id") @Size(max = 120) String id,
                                                       @Parameter(description = "A locale of the manual; pauta.default-locale when absent.", example = "en")
                                                       @RequestParam(name = "locale", required = false) @Size(max = 5) String locale,
                                                       @Parameter(in = ParameterIn.HEADER, description = "An ETag a previous read returned.")
                                                       @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Size(max = 1000) String ifNoneMatch,
                                                       Principal principal) {
        SectionView view = sections.section(id, locale);
        String etag = "\"r" + view.release() + "-" + view.locale() + "-" + view.id() + "\"";
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        insights.opened(view.id(), view.locale(), AuthoringController.actor(principal));
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(ManualDtos.SectionResponse.of(view));
    }
}
