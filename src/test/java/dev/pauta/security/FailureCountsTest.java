package dev.pauta.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureCountsTest {

    static final Duration WINDOW = Duration.ofMinutes(5);

    final ManualTicker time = new ManualTicker();
    final FailureCounts counts = new FailureCounts(3, WINDOW, 1000, time);

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            counts.fail(key);
        }
    }

    @Test
    void belowTheLimitNothingIsLocked() {
        fail("ana", 2);

        assertThat(counts.lockedFor("ana")).isEmpty();
    }

    @Test
    void theFailureThatReachesTheLimitLocksForAWholeWindowFromThen() {
        counts.fail("ana");
        time.advance(Duration.ofMinutes(4));
        fail("ana", 2);

        assertThat(counts.lockedFor("ana")).hasValue(WINDOW);
        time.advance(WINDOW.minusSeconds(1));
        assertThat(counts.lockedFor("ana")).as("one second before the lock ends").hasValue(Duration.ofSeconds(1));
        time.advance(Duration.ofSeconds(1));
        assertThat(counts.lockedFor("ana")).as("the lock has expired").isEmpty();
    }

    @Test
    void failuresAreForgottenOneWindowAfterTheFirst() {
        fail("ana", 2);
        time.advance(WINDOW);
        fail("ana", 2);

        assertThat(counts.lockedFor("ana")).as("two old failures and two new ones are not three in one window").isEmpty();
    }

    @Test
    void clearingForgetsTheFailures() {
        fail("ana", 2);
        counts.clear("ana");
        fail("ana", 2);

        assertThat(counts.lockedFor("ana")).isEmpty();
    }

    @Test
    void oneLockedKeyLocksNoOther() {
        fail("ana", 3);

        assertThat(counts.lockedFor("ana")).isPresent();
        assertThat(counts.lockedFor("ben")).isEmpty();
    }
}
