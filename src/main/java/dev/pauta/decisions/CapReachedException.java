package dev.pauta.decisions;

import java.time.Instant;
import java.util.List;

/** Accepting an offer would pass a cap of the manual's coupon-limits table; nothing was recorded, neither entry nor feedback. */
public class CapReachedException extends RuntimeException {

    /** A ledger entry that counts against the cap: the offer accepted, on which decision, and when. */
    public record Counting(String code, String decisionId, Instant acceptedAt) {
    }

    private final String offer;
    private final double max;
    private final double windowDays;
    private final List<Counting> counting;

    CapReachedException(String offer, double max, double windowDays, List<Counting> counting) {
        super("accepting " + offer + " would pass the cap of " + whole(max) + " in " + whole(windowDays) + " days for this customer");
        this.offer = offer;
        this.max = max;
        this.windowDays = windowDays;
        this.counting = List.copyOf(counting);
    }

    /** A number as the manual writes it: 1, not 1.0. */
    public static Object whole(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? (Object) (long) value : value;
    }

    public String offer() {
        return offer;
    }

    public double max() {
        return max;
    }

    public double windowDays() {
        return windowDays;
    }

    public List<Counting> counting() {
        return counting;
    }
}
