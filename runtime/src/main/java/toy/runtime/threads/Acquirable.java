package toy.runtime.threads;

import toy.runtime.Arity;
import toy.runtime.MethodTable;
import toy.runtime.Nil;
import toy.runtime.Resource;

/**
 * What Lock, RLock and Semaphore share: Python's {@code acquire(blocking=true, timeout=-1)},
 * which returns whether it acquired, {@code release()}, and use in {@code with}.
 */
abstract class Acquirable extends Primitive implements Resource {
    Acquirable(Scheduler scheduler, String name, String site, String kind) {
        super(scheduler, name, site, kind);
    }

    /**
     * Takes it for the running thread, waiting (GIL released) at most {@code timeoutNanos}
     * ({@link Scheduler#FOREVER}: no limit; 0: not at all). Returns whether it was taken.
     */
    abstract boolean acquire(long timeoutNanos);

    abstract void release();

    @Override
    public void enter() {
        acquire(Scheduler.FOREVER);
    }

    @Override
    public void exit() {
        release();
    }

    /** The methods every acquirable has; a type adds its own to the table this returns. */
    static <T extends Acquirable> MethodTable<T> methods(String type) {
        return new MethodTable<T>()
                .add("acquire", (self, caller, args, keywords) -> self.acquire(WaitArguments.acquire(args, keywords)))
                .add("release", Arity.takes(type + ".release", 0, 0), (self, args) -> {
                    self.release();
                    return Nil.NIL;
                });
    }
}
