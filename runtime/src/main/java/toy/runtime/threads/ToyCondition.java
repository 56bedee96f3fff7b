package toy.runtime.threads;

import java.util.ArrayList;
import java.util.List;
import toy.runtime.Arity;
import toy.runtime.Conversions;
import toy.runtime.MethodTable;
import toy.runtime.Nil;
import toy.runtime.Resource;
import toy.runtime.ToyError;

/**
 * {@code Condition(lock?)}, as Python's {@code threading.Condition}: {@code wait(timeout?)}
 * releases the lock (however many times an RLock was taken), waits to be notified, and takes
 * the lock again before it returns; {@code notify(n=1)} and {@code notify_all()} wake waiters
 * in the order they began to wait. Both need the lock held. Usable in {@code with}, which takes
 * and releases the lock.
 */
public final class ToyCondition extends Primitive implements Resource {
    private static final MethodTable<ToyCondition> METHODS = new MethodTable<ToyCondition>()
            .add("acquire", (c, caller, args, keywords) -> c.lock.acquire(WaitArguments.acquire(args, keywords)))
            .add("release", Arity.takes("Condition.release", 0, 0), (c, args) -> {
                c.lock.release();
                return Nil.NIL;
            })
            .add("wait", (c, caller, args, keywords) -> {
                Object[] given = WaitArguments.positional("wait", args, keywords, "timeout");
                return c.await(WaitArguments.waitTimeout(given[0]));
            })
            .add("notify", (c, caller, args, keywords) -> {
                Object[] given = WaitArguments.positional("notify", args, keywords, "n");
                c.notify(given[0] == null ? 1 : Conversions.index(given[0]));
                return Nil.NIL;
            })
            .add("notify_all", Arity.takes("Condition.notify_all", 0, 0), (c, args) -> {
                c.notify(Long.MAX_VALUE);
                return Nil.NIL;
            });

    private final ToyLock lock;
    /** One per thread in {@link #await}, oldest first; guarded by the scheduler's monitor. */
    private final List<boolean[]> waiters = new ArrayList<>();

    public ToyCondition(Scheduler scheduler, String name, String site, ToyLock lock) {
        super(scheduler, name, site, "Condition");
        this.lock = lock != null ? lock : new ToyLock(scheduler, null, site, true);
    }

    /** Waits until notified or until the timeout; returns false if the timeout ran out first. */
    boolean await(long timeoutNanos) {
        if (!lock.heldByCurrentThread()) {
            throw new ToyError("RuntimeError", "cannot wait on un-acquired lock");
        }
        boolean[] notified = new boolean[1];
        scheduler.locked(() -> waiters.add(notified));
        int held = lock.releaseAll();
        boolean woken = false;
        try {
            woken = scheduler.await(ThreadState.current(), () -> "be notified by " + label(), contention,
                    timeoutNanos, () -> notified[0]);
        } finally {
            // Also when Ctrl-C ends the wait: the lock is held again when KeyboardInterrupt leaves, as in Python.
            if (!woken) {
                scheduler.locked(() -> waiters.remove(notified));
            }
            lock.reacquire(held);
        }
        return woken;
    }

    void notify(long n) {
        if (!lock.heldByCurrentThread()) {
            throw new ToyError("RuntimeError", "cannot notify on un-acquired lock");
        }
        scheduler.locked(() -> {
            for (long i = 0; i < n && !waiters.isEmpty(); i++) {
                waiters.remove(0)[0] = true;
            }
            return null;
        });
        scheduler.changed();
    }

    @Override
    public void enter() {
        lock.enter();
    }

    @Override
    public void exit() {
        lock.exit();
    }

    @Override
    public MethodTable<?> methods() {
        return METHODS;
    }
}
