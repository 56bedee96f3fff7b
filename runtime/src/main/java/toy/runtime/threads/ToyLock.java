package toy.runtime.threads;

import toy.runtime.Arity;
import toy.runtime.MethodTable;
import toy.runtime.ToyError;

/**
 * {@code Lock()} and {@code RLock()}: a lock owned by the thread that acquired it, usable in
 * {@code with}; waiting for it releases the GIL. An RLock (reentrant) may be acquired again by
 * its owner and is free once released as many times; a Lock acquired twice by one thread
 * waits for ever (a deadlock the scheduler reports). Only the owner may release it.
 */
public final class ToyLock extends Acquirable {
    private static final MethodTable<ToyLock> LOCK = Acquirable.<ToyLock>methods("Lock")
            .add("locked", Arity.takes("Lock.locked", 0, 0), (lock, args) -> lock.locked());
    private static final MethodTable<ToyLock> RLOCK = Acquirable.methods("RLock");

    private final boolean reentrant;
    /** Guarded by the scheduler's monitor. */
    private ThreadState owner;
    private int count;

    public ToyLock(Scheduler scheduler, String name, String site, boolean reentrant) {
        super(scheduler, name, site, reentrant ? "RLock" : "Lock");
        this.reentrant = reentrant;
    }

    @Override
    boolean acquire(long timeoutNanos) {
        ThreadState me = ThreadState.current();
        return scheduler.await(me, this::waitingFor, contention, timeoutNanos, () -> {
            if (owner == null || reentrant && owner == me) {
                owner = me;
                count++;
                return true;
            }
            return false;
        });
    }

    /**
     * What a waiter waits for, in reports and traces: {@code acquire Lock "fork 2"
     * (philosophers.toy:2), held by Thread-2}, and when the holder has ended without releasing
     * it, {@code held by Thread-2, which ended without releasing it} (a report names only the
     * threads still there).
     */
    private String waitingFor() {
        ThreadState holder = owner;
        if (holder == null) {
            return "acquire " + label();
        }
        return "acquire " + label() + ", held by " + holder.name
                + (holder.state() == ThreadState.State.FINISHED ? ", which ended without releasing it" : "");
    }

    @Override
    void release() {
        ThreadState me = ThreadState.current();
        scheduler.locked(() -> {
            if (owner != me) {
                if (reentrant) {
                    throw ToyError.valueError("cannot release un-acquired lock");
                }
                throw ToyError.valueError(owner == null ? "release unlocked lock" : "cannot release a Lock held by another thread");
            }
            if (--count == 0) {
                owner = null;
            }
            return null;
        });
        scheduler.changed();
    }

    public boolean locked() {
        return scheduler.locked(() -> owner != null);
    }

    /** Whether the running thread holds it: a Condition may only wait or notify then. */
    boolean heldByCurrentThread() {
        ThreadState me = ThreadState.current();
        return scheduler.locked(() -> owner == me);
    }

    /** Releases it however many times the running thread acquired it, for a Condition's wait; returns that count. */
    int releaseAll() {
        int held = scheduler.locked(() -> {
            int n = count;
            count = 0;
            owner = null;
            return n;
        });
        scheduler.changed();
        return held;
    }

    /** Takes it again after a Condition's wait, as many times as {@link #releaseAll} released it. */
    void reacquire(int times) {
        acquire(Scheduler.FOREVER);
        scheduler.locked(() -> count = times);
    }

    @Override
    public MethodTable<?> methods() {
        return reentrant ? RLOCK : LOCK;
    }
}
