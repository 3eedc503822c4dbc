package dev.pauta.web;

import dev.pauta.rules.Situation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** What the agent types into the situation form, as the page posts it; limits match the API's so both refuse the same input. */
record SituationForm(
        @NotBlank @Size(max = 40) String channel,
        @NotBlank @Size(max = 60) String intent,
        @Size(max = 40) String customerType,
        @Size(max = 40) String tier,
        @Size(max = 10) List<@Size(max = 40) String> specialNeeds,
        @Min(0) @Max(3650) Integer delayDays,
        @DecimalMin("0") @DecimalMax("100000000") BigDecimal orderValue,
        @Min(0) @Max(100_000) Integer waitMinutes,
        @Min(0) @Max(1000) Integer transfers,
        @Min(0) @Max(10_000) Integer contactsAboutIssue,
        @Size(max = 10_000) String words,
        @Size(max = 120) String customerId,
        @Size(max = 120) String orderId) {

    static final SituationForm EMPTY = new SituationForm(null, null, null, null, List.of(), null, null, null, null, null, null, null, null);

    SituationForm {
        specialNeeds = specialNeeds == null ? List.of() : specialNeeds.stream().filter(need -> need != null && !need.isBlank()).toList();
    }

    public boolean needs(String code) {
        return specialNeeds.contains(code);
    }

    /** The situation in the language the agent works in; blank fields are absent, not empty codes. */
    Situation toSituation(String locale) {
        return new Situation(locale, blank(channel), blank(intent),
                new Situation.Customer(blank(customerId), blank(customerType), blank(tier), specialNeeds),
                delayDays == null && orderValue == null && blank(orderId) == null ? null : new Situation.Order(blank(orderId), delayDays, orderValue, null),
                new Situation.Interaction(waitMinutes, transfers, contactsAboutIssue, null, blank(words)), null);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
