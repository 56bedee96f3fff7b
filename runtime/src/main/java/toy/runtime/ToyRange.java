package toy.runtime;

/**
 * Toy's range: lazy, three longs. Its length can exceed Long.MAX_VALUE (e.g. the range from
 * Long.MIN_VALUE to Long.MAX_VALUE), so it is kept as an unsigned long; only {@link #length()}
 * refuses such a range, as Python's {@code len} does.
 */
public final class ToyRange implements ToyObject {
    private final long start;
    private final long stop;
    private final long step;
    /** Unsigned. */
    private final long length;

    public ToyRange(long start, long stop, long step) {
        if (step == 0) {
            throw ToyError.valueError("range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        // The differences below are exact as unsigned longs, and so is the division.
        if (step > 0) {
            length = start < stop ? Long.divideUnsigned(stop - start - 1, step) + 1 : 0;
        } else {
            length = start > stop ? Long.divideUnsigned(start - stop - 1, -step) + 1 : 0;
        }
    }

    public long start() {
        return start;
    }

    public long stop() {
        return stop;
    }

    public long step() {
        return step;
    }

    public long length() {
        if (length < 0) {
            throw Arith.overflow();
        }
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** {@code r[i]}, counting from the end when i is negative. */
    public long get(long i) {
        long index = i;
        if (i < 0) {
            if (Long.compareUnsigned(-i, length) > 0) {
                throw outOfRange();
            }
            index = length + i;
        } else if (Long.compareUnsigned(i, length) >= 0) {
            throw outOfRange();
        }
        return start + index * step; // wraps to the right value, which lies between start and stop
    }

    /** {@code r[lo:hi]} with Python's clamping, as a range; pass 0 and Long.MAX_VALUE for a bound left out. */
    public ToyRange slice(long lo, long hi) {
        long n = length();
        long from = Indexing.clamp(lo, n);
        long to = Math.max(from, Indexing.clamp(hi, n));
        return new ToyRange(offset(from), offset(to), step);
    }

    /** {@code r[lo:hi:step]} for indexes already adjusted to this range (Indexing): a range over the same numbers. */
    public ToyRange slice(long from, long to, long sliceStep) {
        long newStep;
        try {
            newStep = Math.multiplyExact(step, sliceStep);
        } catch (ArithmeticException e) {
            throw Arith.overflow();
        }
        return new ToyRange(offset(from), offset(to), newStep);
    }

    /** start + k * step, saturated: past the last element only the side matters. */
    private long offset(long k) {
        try {
            return Math.addExact(start, Math.multiplyExact(k, step));
        } catch (ArithmeticException e) {
            return step > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /** {@code x in r}, in constant time: an int, or a float equal to one, that the range holds. */
    public boolean containsValue(Object x) {
        long v;
        if (x instanceof Long n) {
            v = n;
        } else if (x instanceof Double d && d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
            v = (long) (double) d;
        } else {
            return false;
        }
        boolean inside = step > 0 ? start <= v && v < stop : stop < v && v <= start;
        return inside && Long.remainderUnsigned(step > 0 ? v - start : start - v, Math.abs(step)) == 0;
    }

    /** Python's range equality: the same sequence of numbers. */
    public boolean sameSequence(ToyRange o) {
        if (length != o.length) {
            return false;
        }
        if (length == 0) {
            return true;
        }
        return start == o.start && (length == 1 || step == o.step);
    }

    public RangeIterator iterator() {
        return new RangeIterator(start, stop, step);
    }

    private static ToyError outOfRange() {
        return ToyError.indexError("range object index out of range");
    }

    @Override
    public String typeName() {
        return "range";
    }

    @Override
    public String str() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
