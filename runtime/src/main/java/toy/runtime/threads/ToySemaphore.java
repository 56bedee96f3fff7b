package toy.runtime.threads;

import toy.runtime.MethodTable;
import toy.runtime.ToyError;

/** {@code Semaphore(n)}: n permits; acquire waits (GIL released) while none is left. Usable in {@code with}. */
public final class ToySemaphore extends Acquirable {
    private static final MethodTable<ToySemaphore> METHODS = Acquirable.methods("Semaphore");

    /** Guarded by the scheduler's monitor. */
    private long permits;

    public ToySemaphore(Scheduler scheduler, String name, String site, long permits) {
        super(scheduler, name, site, "Semaphore");
        if (permits < 0) {
            throw ToyError.valueError("semaphore initial value must be >= 0");
        }
        this.permits = permits;
    }

    @Override
    boolean acquire(long timeoutNanos) {
        return scheduler.await(ThreadState.current(), () -> "acquire " + label(), contention, timeoutNanos, () -> {
            if (permits == 0) {
                return false;
            }
            permits--;
            return true;
        });
    }

    @Override
    void release() {
        scheduler.locked(() -> permits++);
        scheduler.changed();
    }

    @Override
    public MethodTable<?> methods() {
        return METHODS;
    }
}
