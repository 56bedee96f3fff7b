package toy.runtime;

import java.math.BigInteger;
import java.util.List;

/** The builtins between values and text: bool repr int ord chr hex bin format, with Python's rules and messages. */
public final class TextBuiltins {
    private TextBuiltins() {
    }

    /** bool repr int ord chr hex bin format, in that order. */
    public static List<Builtin> all() {
        return List.of(
                new Builtin("bool", Arity.expects("bool", 0, 1), a -> a.length != 0 && Values.truthy(a[0])),
                Builtin.ofOne("repr", Values::repr),
                new Builtin("int", Arity.takes("int", 0, 2), (c, a, k) -> {
                    k.allowOnly("int", "base");
                    Object base = a.length > 1 ? a[1] : k.get("base");
                    if (base == null) {
                        return a.length == 0 ? 0L : Conversions.toInt(a[0]);
                    }
                    if (a.length == 0) {
                        throw ToyError.typeError("int() missing string argument");
                    }
                    return parse(a[0], Conversions.index(base));
                }),
                new Builtin("ord", 1, 1, a -> {
                    if (!(a[0] instanceof String s)) {
                        throw ToyError.typeError("ord() expected string of length 1, but " + Values.typeName(a[0]) + " found");
                    }
                    int length = s.codePointCount(0, s.length());
                    if (length != 1) {
                        throw ToyError.typeError("ord() expected a character, but string of length " + length + " found");
                    }
                    return (long) s.codePointAt(0);
                }),
                new Builtin("chr", 1, 1, a -> {
                    long n = Conversions.index(a[0]);
                    if (n < 0 || n > Character.MAX_CODE_POINT) {
                        throw ToyError.valueError("chr() arg not in range(0x110000)");
                    }
                    return Characters.of((int) n);
                }),
                new Builtin("hex", 1, 1, a -> prefixed(Conversions.index(a[0]), 16, "0x")),
                new Builtin("bin", 1, 1, a -> prefixed(Conversions.index(a[0]), 2, "0b")),
                new Builtin("format", Arity.expects("format", 1, 2), a -> {
                    Object spec = a.length > 1 ? a[1] : "";
                    if (!(spec instanceof String s)) {
                        throw ToyError.typeError("format() argument 2 must be str, not " + Values.typeName(spec));
                    }
                    return Format.format(a[0], s);
                }));
    }

    private static String prefixed(long n, int radix, String prefix) {
        String digits = BigInteger.valueOf(n).abs().toString(radix);
        return (n < 0 ? "-" : "") + prefix + digits;
    }

    /** int(s, base): Python's rules; base 0 reads the base from a 0x/0o/0b prefix. */
    private static long parse(Object value, long base) {
        if (!(value instanceof String s)) {
            throw ToyError.typeError("int() can't convert non-string with explicit base");
        }
        if (base != 0 && (base < 2 || base > 36)) {
            throw ToyError.valueError("int() base must be >= 2 and <= 36, or 0");
        }
        String text = Whitespace.strip(s);
        String sign = "";
        if (text.startsWith("+") || text.startsWith("-")) {
            sign = text.substring(0, 1);
            text = text.substring(1);
        }
        int radix = (int) base;
        String lower = text.toLowerCase();
        int prefixRadix = lower.startsWith("0x") ? 16 : lower.startsWith("0o") ? 8 : lower.startsWith("0b") ? 2 : 0;
        if (prefixRadix != 0 && (base == 0 || base == prefixRadix)) {
            radix = prefixRadix;
            text = text.substring(2);
            if (text.startsWith("_")) {
                text = text.substring(1);
            }
        } else if (base == 0) {
            radix = 10;
            if (text.length() > 1 && text.startsWith("0") && !text.replace("_", "").matches("0+")) {
                throw invalid(s, base);
            }
        }
        if (text.isEmpty() || text.startsWith("_") || text.endsWith("_") || text.contains("__")) {
            throw invalid(s, base);
        }
        BigInteger result;
        try {
            result = new BigInteger(sign + text.replace("_", ""), radix);
        } catch (NumberFormatException e) {
            throw invalid(s, base);
        }
        if (result.bitLength() > 63) {
            throw Arith.overflow();
        }
        return result.longValue();
    }

    private static ToyError invalid(String s, long base) {
        return ToyError.valueError("invalid literal for int() with base " + base + ": " + Values.repr(s));
    }
}
