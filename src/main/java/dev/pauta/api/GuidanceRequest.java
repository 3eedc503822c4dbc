package dev.pauta.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pauta.rules.Situation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The v1 wire form of a situation; only locale, channel and intent are required. */
@Schema(name = "GuidanceRequest", description = "A situation: the contact, who the customer is, the order and how the interaction is going.")
@FixHint("send locale, channel and intent (codes of the current release; an unknown one is answered with the known ones); every other field is optional")
record GuidanceRequest(
        @Schema(description = "A locale of the manual.", example = "es") @NotNull @Size(min = 2, max = 5) @Pattern(regexp = Formats.LOCALE) String locale,
        @Schema(description = "A channel code of the current release; the shipped manual defines PHONE, EMAIL, CHAT, SOCIAL, STORE, WEB.", example = "PHONE")
        @NotNull @Size(min = 1, max = 40) @Pattern(regexp = Formats.NOT_BLANK) String channel,
        @Schema(description = "An intent code of the current release, such as ORDER_DELAYED, COMPLAINT, REFUND or OTHER.", example = "ORDER_DELAYED")
        @NotNull @Size(min = 1, max = 60) @Pattern(regexp = Formats.NOT_BLANK) String intent,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Valid CustomerDto customer,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Valid OrderDto order,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Valid InteractionDto interaction,
        @Schema(description = "The reply the agent is writing; phrases to avoid are flagged with offsets into it.") @Size(max = 20_000) String draft) {

    @Schema(name = "Customer")
    record CustomerDto(
            @Schema(description = "The caller's own id; the decision log keeps a keyed hash of it.", example = "C-1042") @Size(max = 120) String id,
            @Schema(description = "A customer-type code of the current release, such as FRIENDLY, DEMANDING or ANGRY.", example = "DEMANDING") @Size(max = 40) String type,
            @Schema(description = "A tier code of the current release: STANDARD, GOLD, VIP when shipped.", example = "GOLD") @Size(max = 40) String tier,
            @ArraySchema(schema = @Schema(description = "A special-needs code of the current release, such as ELDERLY.", example = "ELDERLY"), maxItems = 10)
            @Size(max = 10) List<@NotNull @Size(min = 1, max = 40) @Pattern(regexp = Formats.NOT_BLANK) String> specialNeeds) {
    }

    @Schema(name = "Order")
    record OrderDto(@Schema(example = "O-77") @Size(max = 120) String id,
                    @Schema(description = "Whole days the order is late.", example = "6") @Min(0) @Max(3650) Integer delayDays,
                    @Schema(example = "120.5") @DecimalMin("0") @DecimalMax("100000000") BigDecimal value,
                    @Schema(example = "EUR") @Size(max = 3) String currency) {
    }

    @Schema(name = "Interaction")
    record InteractionDto(@Schema(example = "19") @Min(0) @Max(100_000) Integer waitMinutes,
                          @Schema(example = "1") @Min(0) @Max(1000) Integer transfers,
                          @Schema(example = "2") @Min(0) @Max(10_000) Integer contactsAboutIssue,
                          @Schema(description = "From -1 (angry) to 1 (pleased).", example = "-0.4") @DecimalMin("-1") @DecimalMax("1") Double sentiment,
                          @Schema(description = "What the customer said or wrote.") @Size(max = 10_000) String text,
                          @Schema(description = "How the caller's system knows this customer wants to be addressed: formal (usted, a title and surname) or "
                                  + "informal (tú, a first name). The manual's register rules decide whether it counts; the decision says which register it used and why.",
                                  allowableValues = {"formal", "informal"}, example = "formal")
                          @Pattern(regexp = "^(formal|informal)$") String register) {
    }

    Situation toSituation() {
        Situation.Customer c = customer == null ? null : new Situation.Customer(customer.id(), customer.type(), customer.tier(), customer.specialNeeds());
        Situation.Order o = order == null ? null : new Situation.Order(order.id(), order.delayDays(), order.value(), order.currency());
        Situation.Interaction i = interaction == null ? null
                : new Situation.Interaction(interaction.waitMinutes(), interaction.transfers(), interaction.contactsAboutIssue(), interaction.sentiment(), interaction.text(),
                        interaction.register());
        return new Situation(locale, channel, intent, c, o, i, draft);
    }
}
