package toy.runtime;

import java.util.ArrayList;
import java.util.List;

/** The builtins over iterables: min max sorted reversed enumerate zip any all list, with Python's rules and messages. */
public final class SequenceBuiltins {
    private SequenceBuiltins() {
    }

    /** min max sorted reversed enumerate zip any all list, in that order. */
    public static List<Builtin> all() {
        return List.of(
                new Builtin("min", Arity.expects("min", 1, -1), (c, a, k) -> extreme(c, "min", a, k)),
                new Builtin("max", Arity.expects("max", 1, -1), (c, a, k) -> extreme(c, "max", a, k)),
                new Builtin("sorted", Arity.expects("sorted", 1, 1), (c, a, k) -> {
                    k.allowOnly("sorted", "key", "reverse");
                    return ToyList.of(Sorting.sorted(c, items(a[0]), Sorting.key(k), Sorting.reverse(k)));
                }),
                new Builtin("reversed", Arity.expects("reversed", 1, 1), a -> {
                    if (!(a[0] instanceof ToyList || a[0] instanceof String || a[0] instanceof ToyRange || a[0] instanceof ToyMap)) {
                        throw ToyError.typeError("'" + Values.typeName(a[0]) + "' object is not reversible");
                    }
                    Object[] items = items(a[0]);
                    Object[] reversed = new Object[items.length];
                    for (int i = 0; i < items.length; i++) {
                        reversed[i] = items[items.length - 1 - i];
                    }
                    return ToyList.of(reversed);
                }),
                new Builtin("enumerate", Arity.expects("enumerate", 1, 2), (c, a, k) -> {
                    k.allowOnly("enumerate", "start");
                    Object start = a.length > 1 ? a[1] : k.get("start");
                    long i = start == null ? 0 : Conversions.index(start);
                    ToyList list = new ToyList();
                    for (ToyIterator it = Iteration.iterator(a[0]); it.hasNext(); i = Arith.addInt(i, 1)) {
                        list.add(ToyList.of(i, it.next()));
                    }
                    return list;
                }),
                new Builtin("zip", Arity.expects("zip", 0, -1), SequenceBuiltins::zip),
                new Builtin("any", 1, 1, a -> {
                    for (ToyIterator it = Iteration.iterator(a[0]); it.hasNext();) {
                        if (Values.truthy(it.next())) {
                            return true;
                        }
                    }
                    return false;
                }),
                new Builtin("all", 1, 1, a -> {
                    for (ToyIterator it = Iteration.iterator(a[0]); it.hasNext();) {
                        if (!Values.truthy(it.next())) {
                            return false;
                        }
                    }
                    return true;
                }),
                new Builtin("list", Arity.expects("list", 0, 1), a -> a.length == 0 ? new ToyList() : ToyList.of(items(a[0]))));
    }

    /** Every item of an iterable, in order. */
    static Object[] items(Object iterable) {
        if (iterable instanceof ToyList list) {
            return list.toArray();
        }
        List<Object> items = new ArrayList<>();
        for (ToyIterator it = Iteration.iterator(iterable); it.hasNext();) {
            items.add(it.next());
        }
        return items.toArray();
    }

    /**
     * min or max of several arguments, or of one iterable; {@code key=} orders by key(x),
     * {@code default=} answers for an empty iterable. Ties keep the first, as in Python.
     */
    private static Object extreme(Caller caller, String which, Object[] a, Keywords keywords) {
        keywords.allowOnly(which, "key", "default");
        Object key = Sorting.key(keywords);
        Object fallback = keywords.get("default");
        if (fallback != null && a.length > 1) {
            throw ToyError.typeError("Cannot specify a default for " + which + "() with multiple positional arguments");
        }
        ToyIterator it = a.length == 1 ? Iteration.iterator(a[0]) : Iteration.over(a);
        if (!it.hasNext()) {
            if (fallback != null) {
                return fallback;
            }
            throw ToyError.valueError(which + "() arg is an empty sequence");
        }
        boolean min = which.equals("min");
        Object best = it.next();
        Object bestKey = key == Nil.NIL ? best : caller.call(key, new Object[] {best});
        while (it.hasNext()) {
            Object x = it.next();
            Object xKey = key == Nil.NIL ? x : caller.call(key, new Object[] {x});
            if (min ? Values.lt(xKey, bestKey) : Values.gt(xKey, bestKey)) {
                best = x;
                bestKey = xKey;
            }
        }
        return best;
    }

    /** zip(a, b, …): lists of the i-th items, as many as the shortest argument has. */
    private static Object zip(Object[] a) {
        ToyIterator[] its = new ToyIterator[a.length];
        for (int i = 0; i < a.length; i++) {
            its[i] = Iteration.iterator(a[i]);
        }
        ToyList result = new ToyList();
        if (a.length == 0) {
            return result;
        }
        for (;;) {
            Object[] row = new Object[a.length];
            for (int i = 0; i < a.length; i++) {
                if (!its[i].hasNext()) {
                    return result;
                }
                row[i] = its[i].next();
            }
            result.add(ToyList.of(row));
        }
    }
}
