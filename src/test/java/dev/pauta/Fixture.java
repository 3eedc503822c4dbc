package dev.pauta;

import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Release;

/**
 * The frozen fixture bundle ({@link TestBundles#fixture()}) compiled once per test JVM, and the numbers its tables state
 * that tests assert; {@code FixtureBundleTest} checks each constant against the tables.
 */
public final class Fixture {

    /** The delay-coupons percent for a GOLD customer 3 to 6 days late, the band of every late gold order the tests send. */
    public static final int GOLD_COUPON = 12;
    /** That delay-coupons row as it reads in both locales' Markdown tables. */
    public static final String GOLD_COUPON_ROW = "| 3 | 6 | GOLD | 12 |";
    /** The coupon-limits cap: offers per window, and the window in days. */
    public static final int CAP_PER_WINDOW = 1;
    public static final int CAP_WINDOW_DAYS = 45;
    /** The response-targets hours for EMAIL, which the EMAIL_STRUCTURE action carries, as its row reads in both locales. */
    public static final int EMAIL_HOURS = 48;
    public static final String EMAIL_HOURS_ROW = "| EMAIL | 48 |";
    /** The centre's name in both locales' settings, which scripts say where they write {company}. */
    public static final String COMPANY = "Norte";

    private static Snapshot snapshot;

    private Fixture() {
    }

    public static synchronized Snapshot snapshot() {
        if (snapshot == null) {
            Bundle bundle = Bundle.fromFolder(TestBundles.fixture());
            snapshot = new SnapshotCompiler(1000).compile(bundle, new Release(1, bundle.hash(), null, "test", "fixture bundle"));
        }
        return snapshot;
    }
}
