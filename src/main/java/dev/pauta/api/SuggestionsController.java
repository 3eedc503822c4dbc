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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Problem reports on manual sections: agents report them, section owners read them. */
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
}
