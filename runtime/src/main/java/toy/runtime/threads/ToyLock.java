package toy.runtime.threads;

import toy.runtime.ToyError;
import toy.runtime.observe.ContentionStats;

/** {@code Lock()}: a mutual-exclusion lock, not reentrant, usable in {@code with}. Waiting for it releases the GIL. */
public final class ToyLock extends Acquirable {
    private final ContentionStats contention;
    private ThreadState owner;

    public ToyLock(Scheduler scheduler, String origin) {
        super(scheduler, origin);
        this.contention = scheduler.contention("Lock", null, origin);
    }

    @Override
    public void acquire() {
        ThreadState me = ThreadState.current();
        scheduler.await(me, "acquire Lock (" + origin + ")", contention, () -> {
            if (owner != null) {
                return false;
            }
            owner = me;
            return true;
        });
    }

    @Override
    public void release() {
        ThreadState me = ThreadState.current();
        scheduler.locked(() -> {
            if (owner != me) {
                throw ToyError.valueError(owner == null ? "release unlocked lock" : "cannot release a Lock held by another thread");
            }
            owner = null;
            return null;
        });
        scheduler.changed();
    }

    public boolean locked() {
        return scheduler.locked(() -> owner != null);
    }

    @Override
    boolean hasMethod(String name) {
        return super.hasMethod(name) || name.equals("locked");
    }

    @Override
    Object callOther(String name) {
        return locked();
    }

    @Override
    public String typeName() {
        return "Lock";
    }
}
