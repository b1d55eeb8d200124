package org.sockspec.impl.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A bounded wait on a condition that has no event to wait on (a process state in /proc): polls
 * it every 10 ms, fails with what was expected and what was last seen.
 */
public final class Await {

    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition, Duration within,
            Supplier<String> seen) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + what + " within " + within + " but saw: "
                        + seen.get());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
