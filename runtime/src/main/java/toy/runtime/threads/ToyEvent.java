package toy.runtime.threads;

import toy.runtime.Arity;
import toy.runtime.MethodTable;
import toy.runtime.Nil;

/**
 * {@code Event()}, as Python's {@code threading.Event}: a flag that {@code set()} raises and
 * {@code clear()} lowers; {@code wait(timeout?)} waits (GIL released) until it is raised and
 * returns the flag, false when the timeout ran out first.
 */
public final class ToyEvent extends Primitive {
    private static final MethodTable<ToyEvent> METHODS = new MethodTable<ToyEvent>()
            .add("set", Arity.takes("Event.set", 0, 0), (e, args) -> {
                e.scheduler.locked(() -> e.flag = true);
                e.scheduler.changed();
                return Nil.NIL;
            })
            .add("clear", Arity.takes("Event.clear", 0, 0), (e, args) -> {
                e.scheduler.locked(() -> e.flag = false);
                return Nil.NIL;
            })
            .add("is_set", Arity.takes("Event.is_set", 0, 0), (e, args) -> e.scheduler.locked(() -> e.flag))
            .add("wait", (e, caller, args, keywords) -> {
                Object[] given = WaitArguments.positional("wait", args, keywords, "timeout");
                long timeout = WaitArguments.waitTimeout(given[0]);
                return e.scheduler.await(ThreadState.current(), () -> "see " + e.label() + " set",
                        e.contention, timeout, () -> e.flag);
            });

    /** Guarded by the scheduler's monitor. */
    private boolean flag;

    public ToyEvent(Scheduler scheduler, String name, String site) {
        super(scheduler, name, site, "Event");
    }

    @Override
    public MethodTable<?> methods() {
        return METHODS;
    }
}
