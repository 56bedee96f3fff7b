package toy.runtime;

import java.util.NoSuchElementException;

/** Walks a range without allocating: the VM calls {@link #nextLong()} and keeps the value unboxed. */
public final class RangeIterator implements ToyIterator {
    private final long stop;
    private final long step;
    private long next;
    private boolean done;

    RangeIterator(long start, long stop, long step) {
        this.stop = stop;
        this.step = step;
        this.next = start;
        this.done = step > 0 ? start >= stop : start <= stop;
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    public long nextLong() {
        if (done) {
            throw new NoSuchElementException();
        }
        long value = next;
        next = value + step;
        // A step past Long.MAX_VALUE wraps around; a wrap means the end too.
        done = step > 0 ? next < value || next >= stop : next > value || next <= stop;
        return value;
    }

    @Override
    public Object next() {
        return nextLong();
    }
}
