package dev.pauta.api;

import dev.pauta.insights.Suggestion;
import dev.pauta.insights.SuggestionDraft;
import dev.pauta.insights.Suggestions;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The wire forms of problem reports on manual sections: one as an agent sends it, one as stored, a list, and an owner's reply declining one. */
final class SuggestionDtos {

    private SuggestionDtos() {
    }

    @Schema(name = "SuggestionRequest")
    @FixHint("send section (a section id) and text (1 to 2000 characters); locale, release and decisionId are optional")
    record SuggestionRequest(@Schema(description = "The id of the section the problem is in.", example = "refunds")
                             @NotNull @Size(min = 1, max = Suggestions.MAX_SECTION) @Pattern(regexp = Formats.NOT_BLANK) String section,
                             @Schema(description = "The locale the section was read in; pauta.default-locale when absent.", example = "es")
                             @Size(min = 2, max = 5) @Pattern(regexp = Formats.LOCALE) String locale,
                             @Schema(description = "The release the section was read in, at most the current one; the current one when absent.", example = "7")
                             @Min(1) Integer release,
                             @Schema(description = "The decision the agent was working on, if any; it must exist.")
                             @Size(max = 64) String decisionId,
                             @Schema(description = "What is wrong or missing, in the reporter's words.", example = "The refund limit for GOLD customers changed last month.")
                             @NotNull @Size(min = 1, max = Suggestions.MAX_TEXT) @Pattern(regexp = Formats.NOT_BLANK) String text) {

        SuggestionDraft draft() {
            return new SuggestionDraft(section, locale, release, decisionId, text);
        }
    }

    @Schema(name = "DeclineRequest")
    @FixHint("send reply: 1 to 2000 characters telling the reporter why the report is declined")
    record DeclineRequest(@Schema(description = "Why the report is declined, for its reporter.", example = "The limit did not change; the table shows the current one.")
                          @NotNull @Size(min = 1, max = Suggestions.MAX_TEXT) @Pattern(regexp = Formats.NOT_BLANK) String reply) {
    }

    @Schema(name = "Suggestion", description = "A problem report on a section, in the inbox of the section's owner.")
    record SuggestionDto(long id, @Schema(example = "refunds") String section, @Schema(example = "es") String locale,
                         @Schema(description = "The release the section was read in.") int release,
                         @Schema(nullable = true) String decisionId, String text,
                         @Schema(allowableValues = {"OPEN", "ACCEPTED", "DECLINED"}) String status,
                         @Schema(description = "Who reported it.") String reporter,
                         @Schema(description = "The section's owner when it was reported.") String owner,
                         Instant at,
                         @Schema(description = "The owner's reply, once given.", nullable = true) String reply,
                         @Schema(description = "The change an accepted report started.", nullable = true) Long changeId,
                         @Schema(description = "Who accepted or declined it.", nullable = true) String decidedBy,
                         @Schema(description = "When it was accepted or declined.", nullable = true) Instant decidedAt) {

        static SuggestionDto of(Suggestion s) {
            return new SuggestionDto(s.id(), s.section(), s.locale(), s.release(), s.decisionId(), s.text(), s.status(), s.reporter(), s.owner(),
                    s.at(), s.reply(), s.changeId(), s.decidedBy(), s.decidedAt());
        }
    }

    @Schema(name = "SuggestionList")
    record SuggestionListDto(List<SuggestionDto> items) {
    }
}
