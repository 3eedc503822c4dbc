package dev.pauta.api;

import dev.pauta.rules.Situation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The v1 wire form of a situation; only locale, channel and intent are required. */
record GuidanceRequest(
        @NotBlank @Size(max = 10) String locale,
        @NotBlank @Size(max = 40) String channel,
        @NotBlank @Size(max = 60) String intent,
        @Valid CustomerDto customer,
        @Valid OrderDto order,
        @Valid InteractionDto interaction,
        @Size(max = 20_000) String draft) {

    record CustomerDto(@Size(max = 120) String id, @Size(max = 40) String type, @Size(max = 40) String tier,
                       @Size(max = 10) List<@NotBlank @Size(max = 40) String> specialNeeds) {
    }

    record OrderDto(@Size(max = 120) String id, @Min(0) @Max(3650) Integer delayDays,
                    @DecimalMin("0") @DecimalMax("100000000") BigDecimal value, @Size(max = 3) String currency) {
    }

    record InteractionDto(@Min(0) @Max(100_000) Integer waitMinutes, @Min(0) @Max(1000) Integer transfers,
                          @Min(0) @Max(10_000) Integer contactsAboutIssue, @DecimalMin("-1") @DecimalMax("1") Double sentiment,
                          @Size(max = 10_000) String text) {
    }

    Situation toSituation() {
        Situation.Customer c = customer == null ? null : new Situation.Customer(customer.id(), customer.type(), customer.tier(), customer.specialNeeds());
        Situation.Order o = order == null ? null : new Situation.Order(order.id(), order.delayDays(), order.value(), order.currency());
        Situation.Interaction i = interaction == null ? null
                : new Situation.Interaction(interaction.waitMinutes(), interaction.transfers(), interaction.contactsAboutIssue(), interaction.sentiment(), interaction.text());
        return new Situation(locale, channel, intent, c, o, i, draft);
    }
}
