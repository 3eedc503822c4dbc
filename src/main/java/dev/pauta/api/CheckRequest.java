package dev.pauta.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A draft to check against one locale's phrase tables and one channel's checks. */
@Schema(name = "CheckRequest")
@FixHint("send locale (a locale of the manual) and text (the draft, up to 20,000 characters); channel is optional and adds that channel's checks; register is optional and flags words of another register")
record CheckRequest(@Schema(example = "en") @NotNull @Size(min = 2, max = 5) @Pattern(regexp = Formats.LOCALE) String locale,
                    @Schema(description = "A channel code of the current release.", example = "EMAIL") @Size(max = 40) String channel,
                    @NotNull @Size(max = 20_000) String text,
                    @Schema(description = "A register of the locale's manual (as a decision's register names it, e.g. usted); words written in "
                            + "another register are flagged with their form in this one. Absent: no register check.", example = "usted", nullable = true)
                    @Size(max = 40) String register) {
}
