package toy.runtime.threads;

import toy.runtime.ToyError;
import toy.runtime.observe.ContentionStats;

/** {@code Semaphore(n)}: n permits; acquire waits (GIL released) while none is left. Usable in {@code with}. */
public final class ToySemaphore extends Acquirable {
    private final ContentionStats contention;
    private long permits;

    public ToySemaphore(Scheduler scheduler, String origin, long permits) {
        super(scheduler, origin);
        if (permits < 0) {
            throw ToyError.valueError("semaphore initial value must be >= 0");
        }
        this.contention = scheduler.contention("Semaphore", null, origin);
        this.permits = permits;
    }

    @Override
    public void acquire() {
        scheduler.await(ThreadState.current(), "acquire Semaphore (" + origin + ")", contention, () -> {
            if (permits == 0) {
                return false;
            }
            permits--;
            return true;
        });
    }

    @Override
    public void release() {
        scheduler.locked(() -> permits++);
        scheduler.changed();
    }

    @Override
    public String typeName() {
        return "Semaphore";
    }
}
