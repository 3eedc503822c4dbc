package dev.pauta;

import dev.pauta.manual.PolicyTable;
import dev.pauta.manual.TableRow;
import java.math.BigDecimal;

/**
 * The shipped manual's policy numbers, read from its tables, so a test asserts that the engine applies the number the
 * manual states rather than pinning today's number: an ordinary policy edit changes the manual and its scenarios only.
 */
public final class ShippedPolicy {

    private ShippedPolicy() {
    }

    /** The delay coupon percent for a tier and days late, from the {@code delay-coupons} table. */
    public static int couponPercent(String tier, int delayDays) {
        return couponRow(tier, delayDays).number("percent").intValue();
    }

    /** The {@code delay-coupons} row a tier and days late fall in, as it reads in the Markdown table. */
    public static String couponRowText(String tier, int delayDays) {
        TableRow row = couponRow(tier, delayDays);
        return "| " + row.text("minDays") + " | " + row.text("maxDays") + " | " + row.text("tier") + " | " + row.text("percent") + " |";
    }

    /** The {@code coupon-limits} window in days. */
    public static int capWindowDays() {
        return table("coupon-limits").rows().get(0).number("windowDays").intValue();
    }

    /** The {@code coupon-limits} cap: offers per window. */
    public static int capPerWindow() {
        return table("coupon-limits").rows().get(0).number("maxPerWindow").intValue();
    }

    private static TableRow couponRow(String tier, int delayDays) {
        return table("delay-coupons").rows().stream()
                .filter(r -> r.text("tier").equals(tier) && r.number("minDays").intValue() <= delayDays
                        && (r.text("maxDays").isBlank() || r.number("maxDays").intValue() >= delayDays))
                .findFirst().orElseThrow(() -> new AssertionError("the shipped delay-coupons table has no row for " + tier + " at " + delayDays + " days"));
    }

    private static PolicyTable table(String name) {
        return ShippedSnapshot.get().manual().table("es", name).orElseThrow(() -> new AssertionError("the shipped manual has no '" + name + "' table"));
    }
}
