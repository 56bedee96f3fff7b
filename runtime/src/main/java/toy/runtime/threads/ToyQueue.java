package toy.runtime.threads;

import java.util.ArrayDeque;
import toy.runtime.Arity;
import toy.runtime.BoundMethod;
import toy.runtime.Members;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.ToyObject;
import toy.runtime.observe.ContentionStats;

/** {@code Queue()} / {@code Queue(maxsize)}: FIFO; {@code get} waits while empty, {@code put} while full (GIL released). */
public final class ToyQueue implements ToyObject, Members {
    private final Scheduler scheduler;
    private final String origin;
    /** 0: unbounded, as in Python. */
    private final long maxSize;
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final ContentionStats contention;

    public ToyQueue(Scheduler scheduler, String origin, long maxSize) {
        if (maxSize < 0) {
            throw ToyError.valueError("maxsize must be >= 0");
        }
        this.scheduler = scheduler;
        this.origin = origin;
        this.maxSize = maxSize;
        this.contention = scheduler.contention("Queue", null, origin);
    }

    public void put(Object item) {
        scheduler.await(ThreadState.current(), "put on a full Queue (" + origin + ")", contention, () -> {
            if (maxSize > 0 && items.size() >= maxSize) {
                return false;
            }
            items.add(item);
            return true;
        });
        scheduler.changed();
    }

    public Object get() {
        Object[] taken = new Object[1];
        scheduler.await(ThreadState.current(), "get from an empty Queue (" + origin + ")", contention, () -> {
            taken[0] = items.poll();
            return taken[0] != null;
        });
        scheduler.changed();
        return taken[0];
    }

    public long size() {
        return scheduler.locked(items::size);
    }

    @Override
    public Object getAttribute(String name) {
        return switch (name) {
            case "put", "get", "size" -> new BoundMethod(this, name);
            default -> null;
        };
    }

    @Override
    public Object callMethod(String name, Object[] args) {
        switch (name) {
            case "put" -> {
                Arity.takes("Queue.put", 1, 1).check(args.length);
                put(args[0]);
                return Nil.NIL;
            }
            case "get" -> {
                Arity.takes("Queue.get", 0, 0).check(args.length);
                return get();
            }
            case "size" -> {
                Arity.takes("Queue.size", 0, 0).check(args.length);
                return size();
            }
            default -> {
                return null;
            }
        }
    }

    @Override
    public String typeName() {
        return "Queue";
    }

    @Override
    public String str() {
        return "<Queue (" + origin + ")>";
    }
}
