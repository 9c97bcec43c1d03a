package app.xerosim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's notion of now. It follows the system clock plus an offset tests can move with
 * {@link #advance(Duration)} or {@link #set(Instant)}, and it can be frozen so timestamps repeat exactly.
 * Every expiry (tokens, codes, idempotency keys) and every {@code UpdatedDateUTC} reads this clock.
 */
public final class SimulatorClock extends Clock {

    private record Reading(Duration offset, @Nullable Instant frozenAt) {}

    private final Clock system;
    private final AtomicReference<Reading> reading = new AtomicReference<>(new Reading(Duration.ZERO, null));

    public SimulatorClock() {
        this(Clock.systemUTC());
    }

    SimulatorClock(Clock system) {
        this.system = system;
    }

    @Override
    public Instant instant() {
        Reading current = reading.get();
        return current.frozenAt() != null
                ? current.frozenAt()
                : system.instant().plus(current.offset());
    }

    /** Moves the clock forward (or back, with a negative duration); a frozen clock stays frozen. */
    public void advance(Duration duration) {
        reading.updateAndGet(r -> r.frozenAt() != null
                ? new Reading(r.offset().plus(duration), r.frozenAt().plus(duration))
                : new Reading(r.offset().plus(duration), null));
    }

    /** Makes now equal {@code instant}; the clock keeps ticking from there unless frozen. */
    public void set(Instant instant) {
        reading.updateAndGet(r -> r.frozenAt() != null
                ? new Reading(Duration.between(system.instant(), instant), instant)
                : new Reading(Duration.between(system.instant(), instant), null));
    }

    /** Stops the clock at its current reading. */
    public void freeze() {
        reading.updateAndGet(r -> new Reading(r.offset(), instant()));
    }

    /** Lets a frozen clock tick again, from the frozen reading. */
    public void resume() {
        reading.updateAndGet(
                r -> r.frozenAt() == null ? r : new Reading(Duration.between(system.instant(), r.frozenAt()), null));
    }

    /** Back to the system clock. */
    public void reset() {
        reading.set(new Reading(Duration.ZERO, null));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The simulator clock is always UTC");
    }
}
