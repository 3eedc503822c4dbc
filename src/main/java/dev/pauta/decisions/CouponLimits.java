package dev.pauta.decisions;

import dev.pauta.manual.Manual;
import dev.pauta.rules.Compensation;
import dev.pauta.rules.facts.PolicyRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The manual's {@code coupon-limits} rows in one locale, read through the same {@link PolicyRow} accessors the cap rules
 * use ({@code lists("codes", …)}, {@code num("maxPerWindow")}, {@code num("windowDays")}), so deciding and accepting
 * apply one cap. Immutable.
 */
final class CouponLimits {

    static final String TABLE = "coupon-limits";

    /** A cap that accepting one more offer would pass: its numbers, and the ledger entries that already count against it. */
    record Reached(double max, double windowDays, List<Compensation> counting) {
    }

    private final List<PolicyRow> rows;

    private CouponLimits(List<PolicyRow> rows) {
        this.rows = rows;
    }

    /** Every row of every {@code coupon-limits} table of the locale, as the rules receive them. */
    static CouponLimits of(Manual manual, String locale) {
        return new CouponLimits(manual.tables(locale, TABLE).stream()
                .flatMap(table -> table.rows().stream())
                .map(row -> new PolicyRow(TABLE, row.cells()))
                .toList());
    }

    /** The first cap listing this code that the entries already fill, or empty when one more stays within every cap. */
    Optional<Reached> reachedBy(String code, List<Compensation> entries, Instant now) {
        for (PolicyRow row : rows) {
            if (!row.lists("codes", code)) {
                continue;
            }
            double window = row.num("windowDays");
            double max = row.num("maxPerWindow");
            List<Compensation> counting = entries.stream().filter(e -> row.lists("codes", e.code()) && daysAgo(e, now) < window).toList();
            if (counting.size() >= max) {
                return Optional.of(new Reached(max, window, counting));
            }
        }
        return Optional.empty();
    }

    /** Whole days since it was accepted, as the rules see a ledger entry (CompensationEntry.daysAgo). */
    private static long daysAgo(Compensation entry, Instant now) {
        return Duration.between(entry.acceptedAt(), now).toDays();
    }
}
