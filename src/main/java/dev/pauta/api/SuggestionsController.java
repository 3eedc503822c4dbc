package dev.pauta.api;

import dev.pauta.insights.Suggestions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Problem reports on manual sections: agents report them and read what became of theirs; section owners read, accept and decline them. */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class SuggestionsController {

    private final Suggestions suggestions;

    SuggestionsController(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Operation(operationId = "createSuggestion", summary = "Report a problem with a section of the manual",
            description = "Stored OPEN for the section's owner, with the locale and release it was read in and, optionally, the decision being "
                    + "worked on. An unknown section is a 404 listing the known ones.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/suggestions", consumes = MediaType.APPLICATION_JSON_VALUE)
    SuggestionDtos.SuggestionDto report(@Valid @RequestBody SuggestionDtos.SuggestionRequest request, Principal principal) {
        return SuggestionDtos.SuggestionDto.of(suggestions.report(request.draft(), AuthoringController.actor(principal)));
    }

    @Operation(operationId = "listSuggestions", summary = "List problem reports, newest first",
            description = "The reports of one owner, in one status, or all of them; PUBLISHER and above, since reports quote what agents wrote.")
    @GetMapping("/suggestions")
    SuggestionDtos.SuggestionListDto list(
            @Parameter(description = "Only reports for this section owner.", example = "customer-experience")
            @RequestParam(name = "owner", required = false) @Size(max = 120) String owner,
            @Parameter(description = "Only reports in this status: OPEN, ACCEPTED or DECLINED.", example = "OPEN")
            @RequestParam(name = "status", required = false) @Size(max = 20) String status,
            @Parameter(description = "At most this many reports.") @RequestParam(name = "limit", defaultValue = "100") @Min(1) @Max(Suggestions.MAX_LIMIT) int limit) {
        return new SuggestionDtos.SuggestionListDto(suggestions.list(owner, status, limit).stream().map(SuggestionDtos.SuggestionDto::of).toList());
    }

    @Operation(operationId = "listMySuggestions", summary = "List the caller's own problem reports, newest first",
            description = "What became of each report the caller made: its status, the owner's reply when declined, and the change it started when accepted.")
    @GetMapping("/suggestions/mine")
    SuggestionDtos.SuggestionListDto mine(@Parameter(description = "At most this many reports.") @RequestParam(name = "limit", defaultValue = "100") @Min(1)
                                          @Max(Suggestions.MAX_LIMIT) int limit, Principal principal) {
        return new SuggestionDtos.SuggestionListDto(suggestions.byReporter(AuthoringController.actor(principal), limit).stream()
                .map(SuggestionDtos.SuggestionDto::of).toList());
    }

    @Operation(operationId = "acceptSuggestion", summary = "Accept a problem report into a change",
            description = "Starts a change from the current release holding the section's document as it stands, for the owner to edit, and marks the "
                    + "report ACCEPTED with the change's id; the reporter sees it. A report already accepted or declined is a 409 suggestion_closed.")
    @PostMapping("/suggestions/{id}/accept")
    SuggestionDtos.SuggestionDto accept(@Parameter(description = "The report's id.") @PathVariable("id") long id, Principal principal) {
        return SuggestionDtos.SuggestionDto.of(suggestions.accept(id, AuthoringController.actor(principal)));
    }

    @Operation(operationId = "declineSuggestion", summary = "Decline a problem report with a reply",
            description = "Marks the report DECLINED with a reply its reporter reads. A report already accepted or declined is a 409 suggestion_closed.")
    @PostMapping(path = "/suggestions/{id}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    SuggestionDtos.SuggestionDto decline(@Parameter(description = "The report's id.") @PathVariable("id") long id,
                                         @Valid @RequestBody SuggestionDtos.DeclineRequest request, Principal principal) {
        return SuggestionDtos.SuggestionDto.of(suggestions.decline(id, AuthoringController.actor(principal), request.reply()));
    }
}
