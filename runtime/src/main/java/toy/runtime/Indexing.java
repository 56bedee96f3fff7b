package toy.runtime;

/** Subscripts: {@code c[i]}, {@code c[i] = v} and {@code c[lo:hi]}, with Python's rules and messages. */
public final class Indexing {
    private Indexing() {
    }

    public static Object get(Object c, Object i) {
        if (c instanceof ToyList list) {
            if (i instanceof Long n) {
                return list.get(Conversions.saturate(n));
            }
            throw ToyError.typeError("list indices must be integers or slices, not " + Values.typeName(i));
        }
        if (c instanceof String s) {
            if (i instanceof Long n) {
                return codePointAt(s, n);
            }
            throw ToyError.typeError("string indices must be integers, not '" + Values.typeName(i) + "'");
        }
        if (c instanceof ToyMap map) {
            Object value = map.get(i);
            if (value == null) {
                throw new ToyError("KeyError", Values.repr(i));
            }
            return value;
        }
        if (c instanceof ToyRange range) {
            if (i instanceof Long n) {
                return range.get(n);
            }
            throw ToyError.typeError("range indices must be integers or slices, not " + Values.typeName(i));
        }
        throw ToyError.typeError("'" + Values.typeName(c) + "' object is not subscriptable");
    }

    /** {@code c[i]} for an int index, which a list or a map takes without boxing it; as {@link #get(Object, Object)}. */
    public static Object getAt(Object c, long i) {
        if (c instanceof ToyList list) {
            return list.get(Conversions.saturate(i));
        }
        if (c instanceof ToyMap map) {
            Object value = map.getInt(i);
            if (value == null) {
                throw new ToyError("KeyError", Long.toString(i));
            }
            return value;
        }
        return get(c, (Object) i);
    }

    /** {@code c[i] = v} for an int index, which a list or a map takes without boxing it; as {@link #set(Object, Object, Object)}. */
    public static void setAt(Object c, long i, Object v) {
        if (c instanceof ToyList list) {
            list.set(Conversions.saturate(i), v);
            return;
        }
        if (c instanceof ToyMap map) {
            map.putInt(i, v);
            return;
        }
        set(c, (Object) i, v);
    }

    public static void set(Object c, Object i, Object v) {
        if (c instanceof ToyList list) {
            if (i instanceof Long n) {
                list.set(Conversions.saturate(n), v);
                return;
            }
            throw ToyError.typeError("list indices must be integers or slices, not " + Values.typeName(i));
        }
        if (c instanceof ToyMap map) {
            map.put(i, v);
            return;
        }
        throw ToyError.typeError("'" + Values.typeName(c) + "' object does not support item assignment");
    }

    /** {@code c[lo:hi]} for a str, list or range; lo and hi are ints, or {@link Nil#NIL} where left out. */
    public static Object slice(Object c, Object lo, Object hi) {
        if (c instanceof ToyMap) {
            throw ToyError.typeError("'map' object is not sliceable");
        }
        if (!(c instanceof String || c instanceof ToyList || c instanceof ToyRange)) {
            throw ToyError.typeError("'" + Values.typeName(c) + "' object is not subscriptable");
        }
        long from = bound(lo, 0);
        long to = bound(hi, Long.MAX_VALUE);
        if (c instanceof ToyList list) {
            return list.slice(from, to);
        }
        if (c instanceof ToyRange range) {
            return range.slice(from, to);
        }
        return substring((String) c, from, to);
    }

    /**
     * {@code c[lo:hi:step]}; any part may be {@link Nil#NIL}. The bounds are adjusted as
     * CPython's PySlice_AdjustIndices does: negative counts from the end, then clamp to the
     * sequence, to one before its start when walking backwards.
     */
    public static Object slice(Object c, Object lo, Object hi, Object stepValue) {
        if (stepValue == Nil.NIL) {
            return slice(c, lo, hi);
        }
        if (c instanceof ToyMap) {
            throw ToyError.typeError("'map' object is not sliceable");
        }
        if (!(c instanceof String || c instanceof ToyList || c instanceof ToyRange)) {
            throw ToyError.typeError("'" + Values.typeName(c) + "' object is not subscriptable");
        }
        long step = bound(stepValue, 1);
        if (step == 0) {
            throw ToyError.valueError("slice step cannot be zero");
        }
        step = Math.max(step, -Long.MAX_VALUE);
        long length = c instanceof String s ? s.codePointCount(0, s.length())
                : c instanceof ToyList list ? list.size() : ((ToyRange) c).length();
        long start = adjust(lo, length, step, step < 0 ? length - 1 : 0);
        long stop = adjust(hi, length, step, step < 0 ? -1 : length);
        long count;
        if (step < 0) {
            count = stop < start ? (start - stop - 1) / -step + 1 : 0;
        } else {
            count = start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        if (c instanceof ToyRange range) {
            return range.slice(start, stop, step);
        }
        if (c instanceof ToyList list) {
            Object[] items = list.toArray();
            Object[] picked = new Object[(int) count];
            for (int i = 0; i < count; i++) {
                picked[i] = items[(int) (start + i * step)];
            }
            return ToyList.of(picked);
        }
        int[] cps = ((String) c).codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.appendCodePoint(cps[(int) (start + i * step)]);
        }
        return sb.toString();
    }

    private static long adjust(Object v, long length, long step, long absent) {
        if (v == Nil.NIL) {
            return absent;
        }
        long i = bound(v, absent);
        if (i < 0) {
            i += length;
            if (i < 0) {
                i = step < 0 ? -1 : 0;
            }
        } else if (i >= length) {
            i = step < 0 ? length - 1 : length;
        }
        return i;
    }

    /** Python's slice-bound adjustment: negative counts from the end, then clamp into 0..length. */
    static long clamp(long i, long length) {
        if (i < 0) {
            i += length;
            return i < 0 ? 0 : i;
        }
        return Math.min(i, length);
    }

    private static long bound(Object v, long absent) {
        if (v == Nil.NIL) {
            return absent;
        }
        if (v instanceof Long n) {
            return n;
        }
        throw ToyError.typeError("slice indices must be integers or nil");
    }

    private static String codePointAt(String s, long index) {
        int count = s.codePointCount(0, s.length());
        long i = index < 0 ? index + count : index;
        if (i < 0 || i >= count) {
            throw ToyError.indexError("string index out of range");
        }
        // Without surrogate pairs a code point index is the UTF-16 offset: no walk from the start.
        return Characters.at(s, count == s.length() ? (int) i : s.offsetByCodePoints(0, (int) i));
    }

    private static String substring(String s, long lo, long hi) {
        int count = s.codePointCount(0, s.length());
        int from = (int) clamp(lo, count);
        int to = (int) clamp(hi, count);
        if (to <= from) {
            return "";
        }
        int start = s.offsetByCodePoints(0, from);
        return s.substring(start, s.offsetByCodePoints(start, to - from));
    }
}
