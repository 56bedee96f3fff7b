package toy.runtime;

import java.util.List;

/** divmod sqrt floor ceil, with Python's rules and messages (the constant pi is {@link CoreBuiltins#constants}). */
public final class MathBuiltins {
    private MathBuiltins() {
    }

    /** divmod sqrt floor ceil, in that order. */
    public static List<Builtin> all() {
        return List.of(
                new Builtin("divmod", Arity.expects("divmod", 2, 2), a -> {
                    if (Arith.isNumber(a[0]) && Arith.isNumber(a[1])) {
                        return ToyList.of(Arith.floordiv(a[0], a[1]), Arith.mod(a[0], a[1]));
                    }
                    throw ToyError.typeError("unsupported operand type(s) for divmod(): '" + Values.typeName(a[0])
                            + "' and '" + Values.typeName(a[1]) + "'");
                }),
                new Builtin("sqrt", 1, 1, a -> {
                    double x = real(a[0]);
                    if (x < 0) {
                        throw ToyError.valueError("math domain error");
                    }
                    return Math.sqrt(x);
                }),
                new Builtin("floor", 1, 1, a -> a[0] instanceof Long n ? n : Conversions.truncate(Math.floor(real(a[0])))),
                new Builtin("ceil", 1, 1, a -> a[0] instanceof Long n ? n : Conversions.truncate(Math.ceil(real(a[0])))));
    }

    private static double real(Object v) {
        if (v instanceof Long n) {
            return n;
        }
        if (v instanceof Double d) {
            return d;
        }
        throw ToyError.typeError("must be real number, not " + Values.typeName(v));
    }
}
