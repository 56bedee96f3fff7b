package toy.runtime;

import java.util.List;
import java.util.Map;

/**
 * The builtins that need nothing of the VM and have no module of their own: len str float type
 * range abs sum round. The others of this module are {@link SequenceBuiltins}, {@link TextBuiltins},
 * {@link MathBuiltins} and {@link ErrorKinds}; the VM installs each such group on its own.
 */
public final class CoreBuiltins {
    private CoreBuiltins() {
    }

    /** len str float type range abs sum round, in that order. */
    public static List<Builtin> all() {
        return List.of(
                Builtin.ofOne("len", CoreBuiltins::length),
                Builtin.ofOne("str", 0, a -> a.length == 0 ? "" : Values.str(a[0]), Values::str),
                new Builtin("float", Arity.expects("float", 0, 1), a -> a.length == 0 ? 0.0 : Conversions.toFloat(a[0])),
                Builtin.ofOne("type", Values::typeName),
                new Builtin("range", Arity.expects("range", 1, 3), CoreBuiltins::range),
                Builtin.ofOne("abs", CoreBuiltins::abs),
                // sum(xs, start) and round(x, ndigits) take their second parameter by name too, as in Python.
                new Builtin("sum", Arity.takes("sum", 1, 2), (caller, args, keywords) -> {
                    keywords.allowOnly("sum", "start");
                    Object start = keywords.positionalOr("sum", args, 1, "start");
                    return sum(args[0], start == null ? 0L : start);
                }),
                new Builtin("round", Arity.takes("round", 1, 2), (caller, args, keywords) -> {
                    keywords.allowOnly("round", "ndigits");
                    Object ndigits = keywords.positionalOr("round", args, 1, "ndigits");
                    return ndigits == null ? Rounding.round(args[0]) : Rounding.round(args[0], ndigits);
                }));
    }

    /** Global values that are not functions. */
    public static Map<String, Object> constants() {
        return Map.of("pi", Math.PI);
    }

    static long length(Object v) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof ToyList list) {
            return list.size();
        }
        if (v instanceof ToyMap map) {
            return map.size();
        }
        if (v instanceof ToyRange range) {
            return range.length();
        }
        throw ToyError.typeError("object of type '" + Values.typeName(v) + "' has no len()");
    }

    private static Object range(Object[] a) {
        long first = Conversions.index(a[0]);
        return switch (a.length) {
            case 1 -> new ToyRange(0, first, 1);
            case 2 -> new ToyRange(first, Conversions.index(a[1]), 1);
            default -> new ToyRange(first, Conversions.index(a[1]), Conversions.index(a[2]));
        };
    }

    private static Object abs(Object v) {
        if (v instanceof Long n) {
            return n < 0 ? Arith.negInt(n) : n;
        }
        if (v instanceof Double d) {
            return Math.abs(d);
        }
        throw ToyError.typeError("bad operand type for abs(): '" + Values.typeName(v) + "'");
    }

    private static Object sum(Object iterable, Object start) {
        Object total = start;
        if (total instanceof String) {
            throw ToyError.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        for (ToyIterator it = Iteration.iterator(iterable); it.hasNext();) {
            total = Arith.add(total, it.next());
        }
        return total;
    }
}
