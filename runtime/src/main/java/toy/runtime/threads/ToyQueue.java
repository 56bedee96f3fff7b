package toy.runtime.threads;

import java.util.ArrayDeque;
import toy.runtime.Arity;
import toy.runtime.MethodTable;
import toy.runtime.Nil;
import toy.runtime.ToyError;

/**
 * {@code Queue()} / {@code Queue(maxsize)}: FIFO, as Python's {@code queue.Queue}.
 * {@code get(block=true, timeout=nil)} waits (GIL released) while it is empty and
 * {@code put(x, block=true, timeout=nil)} while it is full; one that cannot go on without
 * waiting, or before its timeout, raises {@code Empty} or {@code Full}.
 */
public final class ToyQueue extends Primitive {
    private static final MethodTable<ToyQueue> METHODS = new MethodTable<ToyQueue>()
            .add("put", (q, caller, args, keywords) -> {
                if (args.length == 0) {
                    throw ToyError.typeError("put() missing 1 required positional argument: 'item'");
                }
                q.put(args[0], WaitArguments.block("put", args, 1, keywords));
                return Nil.NIL;
            })
            .add("get", (q, caller, args, keywords) -> q.get(WaitArguments.block("get", args, 0, keywords)))
            .add("size", Arity.takes("Queue.size", 0, 0), (q, args) -> q.size())
            .add("empty", Arity.takes("Queue.empty", 0, 0), (q, args) -> q.size() == 0);

    /** 0 or less: unbounded, as in Python. */
    private final long maxSize;
    /** Guarded by the scheduler's monitor. */
    private final ArrayDeque<Object> items = new ArrayDeque<>();

    public ToyQueue(Scheduler scheduler, String name, String site, long maxSize) {
        super(scheduler, name, site, "Queue");
        this.maxSize = maxSize;
    }

    /** Adds an item, waiting at most {@code timeoutNanos} for room ({@link Scheduler#FOREVER}: no limit). */
    public void put(Object item, long timeoutNanos) {
        boolean added = scheduler.await(ThreadState.current(), () -> "put on a full " + label(), contention, timeoutNanos,
                () -> {
                    if (maxSize > 0 && items.size() >= maxSize) {
                        return false;
                    }
                    items.add(item);
                    return true;
                });
        if (!added) {
            throw new ToyError("Full", "queue is full");
        }
        scheduler.changed();
    }

    /** Takes the oldest item, waiting at most {@code timeoutNanos} for one ({@link Scheduler#FOREVER}: no limit). */
    public Object get(long timeoutNanos) {
        Object[] taken = new Object[1];
        boolean got = scheduler.await(ThreadState.current(), () -> "get from an empty " + label(), contention, timeoutNanos,
                () -> {
                    taken[0] = items.poll();
                    return taken[0] != null;
                });
        if (!got) {
            throw new ToyError("Empty", "queue is empty");
        }
        scheduler.changed();
        return taken[0];
    }

    public long size() {
        return scheduler.locked(items::size);
    }

    @Override
    public MethodTable<?> methods() {
        return METHODS;
    }
}
