package app.kontor.xerosync;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A value computed on first use, then kept: for what a run may not need at all. */
final class Memo {

    private Memo() {}

    static <T> Supplier<T> of(Supplier<T> supplier) {
        var value = new AtomicReference<T>();
        return () -> value.updateAndGet(known -> known != null ? known : supplier.get());
    }
}
