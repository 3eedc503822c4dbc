package dev.pauta.guidance;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Ready only once a release is compiled and being served; part of the readiness group. */
@Component("snapshot")
class SnapshotHealth implements HealthIndicator {

    private final SnapshotHolder holder;

    SnapshotHealth(SnapshotHolder holder) {
        this.holder = holder;
    }

    @Override
    public Health health() {
        return holder.maybeCurrent()
                .map(s -> Health.up().withDetail("release", s.release().number()).withDetail("sections", s.manual().allSections().size()).build())
                .orElseGet(() -> Health.outOfService().withDetail("reason", "no release is loaded yet").build());
    }
}
