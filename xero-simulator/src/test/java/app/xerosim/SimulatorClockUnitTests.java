package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatorClockUnitTests {

    private final Instant start = Instant.parse("2026-03-01T09:00:00Z");
    private final SimulatorClock clock = new SimulatorClock(Clock.fixed(start, ZoneOffset.UTC));

    @Test
    void followsTheSystemClockUntilMoved() {
        assertThat(clock.instant()).isEqualTo(start);

        clock.advance(Duration.ofMinutes(31));

        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofMinutes(31)));
    }

    @Test
    void setFreezeAndResumeKeepTheReading() {
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        clock.freeze();
        clock.advance(Duration.ofSeconds(5));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:05Z"));
        clock.resume();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:05Z"));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(start);
    }
}
