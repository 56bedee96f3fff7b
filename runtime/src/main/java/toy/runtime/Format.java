package toy.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code format(x, spec)} and the {@code :spec} of an f-string: Python's format mini-language,
 * {@code [[fill]align][sign][#][0][width][,|_][.precision][type]} (the Python Library
 * Reference, "Format Specification Mini-Language"), with CPython's error messages. Floats are
 * rounded half to even on their exact binary value, as CPython's correctly rounded dtoa does.
 * An int is formatted by the int rules, a float by the float rules, a str by the str rules;
 * any other value, with a non-empty spec, is formatted as its {@code str()} by the str rules.
 */
public final class Format {
    private Format() {
    }

    /** A parsed spec. Fields are Java defaults when the spec leaves them out (fill 0, align 0, width -1, precision -1, type 0). */
    private static final class Spec {
        int fill;
        char align;
        char sign;
        boolean noNegativeZero;
        boolean alternate;
        boolean zero;
        int width = -1;
        char grouping;
        int precision = -1;
        char type;
    }

    /**
     * {@code format(value, spec)}; an empty spec gives {@code str(value)}.
     *
     * @throws ToyError ValueError, with CPython's message, for a spec that does not fit the value
     */
    public static String format(Object value, String spec) {
        if (spec.isEmpty()) {
            return Values.str(value);
        }
        String typeName = value instanceof Long || value instanceof Double ? Values.typeName(value) : "str";
        // The type a spec without one gets, as CPython substitutes it before checking the grouping.
        char defaultType = value instanceof Long ? 'd' : value instanceof Double ? 0 : 's';
        Spec s = parse(spec, typeName, defaultType);
        if (value instanceof Long n) {
            return formatInt(n, s);
        }
        if (value instanceof Double d) {
            return formatFloat(d, s, "float");
        }
        return formatStr(Values.str(value), s);
    }

    private static Spec parse(String text, String typeName, char defaultType) {
        char defaultAlign = defaultType == 's' ? '<' : '>';
        Spec s = new Spec();
        int[] cps = text.codePoints().toArray();
        int i = 0;
        if (cps.length >= 2 && isAlign(cps[1])) {
            s.fill = cps[0];
            s.align = (char) cps[1];
            i = 2;
        } else if (cps.length >= 1 && isAlign(cps[0])) {
            s.align = (char) cps[0];
            i = 1;
        }
        if (i < cps.length && (cps[i] == '+' || cps[i] == '-' || cps[i] == ' ')) {
            s.sign = (char) cps[i++];
        }
        if (i < cps.length && cps[i] == 'z') {
            s.noNegativeZero = true;
            i++;
        }
        if (i < cps.length && cps[i] == '#') {
            s.alternate = true;
            i++;
        }
        if (i < cps.length && cps[i] == '0') {
            s.zero = true;
            i++;
        }
        int start = i;
        while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
            i++;
        }
        if (i > start) {
            s.width = number(cps, start, i);
        }
        if (i < cps.length && (cps[i] == ',' || cps[i] == '_')) {
            s.grouping = (char) cps[i++];
            if (i < cps.length && (cps[i] == ',' || cps[i] == '_')) {
                throw ToyError.valueError("Cannot specify both ',' and '_'.");
            }
        }
        if (i < cps.length && cps[i] == '.') {
            i++;
            start = i;
            while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
                i++;
            }
            if (i == start) {
                throw ToyError.valueError("Format specifier missing precision");
            }
            s.precision = number(cps, start, i);
        }
        if (cps.length - i > 1) {
            throw ToyError.valueError("Invalid format specifier '" + text + "' for object of type '" + typeName + "'");
        }
        s.type = i < cps.length ? (char) cps[i] : defaultType;
        if (s.grouping != 0 && "defgEFG%".indexOf(s.type) < 0 && s.type != 0
                && !(s.grouping == '_' && "xXbo".indexOf(s.type) >= 0)) {
            throw ToyError.valueError("Cannot specify '" + s.grouping + "' with '" + s.type + "'.");
        }
        if (s.zero && s.fill == 0) {
            s.fill = '0';
            // CPython: '0' means '=' alignment only where the default alignment is to the right (numbers).
            if (s.align == 0 && defaultAlign == '>') {
                s.align = '=';
            }
        }
        return s;
    }

    private static boolean isAlign(int cp) {
        return cp == '<' || cp == '>' || cp == '^' || cp == '=';
    }

    private static int number(int[] cps, int from, int to) {
        long n = 0;
        for (int k = from; k < to; k++) {
            n = n * 10 + (cps[k] - '0');
            if (n > Integer.MAX_VALUE) {
                throw ToyError.valueError("Too many decimal digits in format string");
            }
        }
        return (int) n;
    }

    private static String formatStr(String value, Spec s) {
        if (s.type != 0 && s.type != 's') {
            throw unknownCode(s.type, "str");
        }
        if (s.sign != 0) {
            throw ToyError.valueError((s.sign == ' ' ? "Space" : "Sign") + " not allowed in string format specifier");
        }
        if (s.noNegativeZero) {
            throw ToyError.valueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (s.alternate) {
            throw ToyError.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (s.align == '=') {
            throw ToyError.valueError("'=' alignment not allowed in string format specifier");
        }
        String text = value;
        if (s.precision >= 0 && text.codePointCount(0, text.length()) > s.precision) {
            text = text.substring(0, text.offsetByCodePoints(0, s.precision));
        }
        return pad("", text, s, '<');
    }

    private static String formatInt(long n, Spec s) {
        char type = s.type == 0 ? 'd' : s.type;
        switch (type) {
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                return formatFloat((double) n, s, "int");
            }
            case 'd', 'n', 'b', 'o', 'x', 'X', 'c' -> {
            }
            default -> throw unknownCode(type, "int");
        }
        if (s.precision >= 0) {
            throw ToyError.valueError("Precision not allowed in integer format specifier");
        }
        if (s.noNegativeZero) {
            throw ToyError.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (type == 'c') {
            if (s.sign != 0) {
                throw ToyError.valueError("Sign not allowed with integer format specifier 'c'");
            }
            if (s.alternate) {
                throw ToyError.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (n < 0 || n > Character.MAX_CODE_POINT) {
                throw new ToyError("OverflowError", "%c arg not in range(0x110000)");
            }
            return pad("", new String(Character.toChars((int) n)), s, '>');
        }
        int radix = switch (type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        BigInteger magnitude = BigInteger.valueOf(n).abs();
        String digits = magnitude.toString(radix);
        if (type == 'X') {
            digits = digits.toUpperCase();
        }
        String prefix = sign(n < 0, s) + (s.alternate && radix != 10 ? "0" + type : "");
        return padNumber(prefix, digits, "", s, radix == 10 ? 3 : 4);
    }

    private static String formatFloat(double x, Spec s, String typeName) {
        char type = s.type;
        switch (type) {
            case 0, 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n' -> {
            }
            default -> throw unknownCode(type, typeName);
        }
        boolean negative = x < 0 || x == 0 && 1 / x < 0;
        double a = Math.abs(x);
        String body;
        String suffix = "";
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            negative = !Double.isNaN(x) && negative;
            body = Double.isNaN(x) ? "nan" : "inf";
            if (type == 'E' || type == 'F' || type == 'G') {
                body = body.toUpperCase();
            }
            if (type == '%') {
                suffix = "%";
            }
            return padNumber(sign(negative, s), body, suffix, s, 3);
        }
        int p = s.precision;
        switch (type) {
            case 'f', 'F' -> body = fixed(a, p < 0 ? 6 : p, s.alternate);
            case '%' -> {
                body = fixed(a * 100, p < 0 ? 6 : p, s.alternate);
                suffix = "%";
            }
            case 'e', 'E' -> body = exponent(a, p < 0 ? 6 : p, s.alternate, type == 'E');
            case 'g', 'G', 'n' -> body = general(a, p < 0 ? 6 : p, s.alternate, type == 'G', false);
            default -> body = p < 0 ? repr(a, s.alternate) : general(a, p, s.alternate, false, true);
        }
        if (s.noNegativeZero && negative && body.chars().noneMatch(c -> c >= '1' && c <= '9')) {
            // 'z': a value that rounds to zero shows no minus sign (PEP 682).
            negative = false;
        }
        // The digits before the point are grouped; the rest (fraction, exponent) follows as it is.
        int end = 0;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return padNumber(sign(negative, s), body.substring(0, end), body.substring(end) + suffix, s, 3);
    }

    /** Python's repr of a non-negative finite float; with '#', a point even before an exponent ("1.e+300"). */
    private static String repr(double a, boolean alternate) {
        String text = FloatFormat.repr(a);
        int e = text.indexOf('e');
        return alternate && e >= 0 && text.lastIndexOf('.', e) < 0 ? text.substring(0, e) + "." + text.substring(e) : text;
    }

    /**
     * No finite double has more decimal digits than this after its point (2^-1074 has 1,074),
     * nor more significant ones (at most 767): past it a precision adds only zeros.
     */
    private static final int EXACT_DIGITS = 1074;

    private static String fixed(double a, int precision, boolean alternate) {
        // Rounded at no more digits than the value has, then padded with zeros: BigDecimal would
        // build a number of `precision` digits, slow past a million and an ArithmeticException
        // past a billion.
        int exact = Math.min(precision, EXACT_DIGITS);
        String text = new BigDecimal(a).setScale(exact, RoundingMode.HALF_EVEN).toPlainString()
                + "0".repeat(precision - exact);
        return alternate && precision == 0 ? text + "." : text;
    }

    private static String exponent(double a, int precision, boolean alternate, boolean upper) {
        String mantissa;
        int exp;
        if (a == 0) {
            mantissa = precision == 0 ? "0" : "0." + "0".repeat(precision);
            exp = 0;
        } else {
            BigDecimal rounded = new BigDecimal(a).round(new MathContext(Math.min(precision, EXACT_DIGITS) + 1, RoundingMode.HALF_EVEN));
            String digits = rounded.unscaledValue().toString();
            exp = digits.length() - 1 - rounded.scale();
            digits = digits + "0".repeat(precision - (digits.length() - 1));
            mantissa = precision == 0 ? digits : digits.charAt(0) + "." + digits.substring(1);
        }
        if (alternate && precision == 0) {
            mantissa += ".";
        }
        return mantissa + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /**
     * 'g' (and, with {@code noType}, the float format with no type but a precision): fixed
     * notation when the exponent lies in [-4, precision), else exponent notation; trailing
     * zeros removed unless alternate. Without a type, fixed notation keeps one digit after the point.
     */
    private static String general(double a, int precision, boolean alternate, boolean upper, boolean noType) {
        int p = precision == 0 ? 1 : precision;
        // CPython (format_float_short): without a type, exponent notation from one digit earlier.
        int fixedLimit = noType ? p - 1 : p;
        int exp;
        if (a == 0) {
            exp = 0;
        } else {
            BigDecimal rounded = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
            exp = rounded.precision() - 1 - rounded.scale();
        }
        String text;
        // Without '#' the trailing zeros go, so none past the value's own digits are made.
        if (exp >= -4 && exp < fixedLimit) {
            // In a long: with a precision near 2^31 and a negative exponent, an int overflowed.
            long afterPoint = (long) p - 1 - exp;
            if (alternate && afterPoint > Integer.MAX_VALUE) {
                throw new ToyError("MemoryError", "format precision " + precision + " is too large");
            }
            text = fixed(a, (int) (alternate ? afterPoint : Math.min(afterPoint, EXACT_DIGITS)), false);
            if (!alternate) {
                text = stripZeros(text);
                if (noType && text.indexOf('.') < 0) {
                    text += ".0";
                }
            } else if (text.indexOf('.') < 0) {
                text += ".";
            }
        } else {
            text = exponent(a, alternate ? p - 1 : Math.min(p - 1, EXACT_DIGITS), alternate, upper);
            if (!alternate) {
                int e = text.indexOf(upper ? 'E' : 'e');
                text = stripZeros(text.substring(0, e)) + text.substring(e);
            }
        }
        return text;
    }

    private static String stripZeros(String text) {
        if (text.indexOf('.') < 0) {
            return text;
        }
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (text.charAt(end - 1) == '.') {
            end--;
        }
        return text.substring(0, end);
    }

    private static String sign(boolean negative, Spec s) {
        if (negative) {
            return "-";
        }
        return s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
    }

    /** Pads a number: with '=' alignment the fill goes between sign and digits, and a zero fill is grouped too. */
    private static String padNumber(String prefix, String digits, String rest, Spec s, int groupSize) {
        if (s.grouping != 0) {
            int width = s.align == '=' && s.fill == '0' ? s.width - prefix.length() - rest.length() : 0;
            digits = group(digits, s.grouping, groupSize, width);
        }
        return pad(prefix, digits + rest, s, '>');
    }

    /** Inserts the separator every groupSize digits from the right, adding leading zeros until minWidth when padding with zeros. */
    private static String group(String digits, char separator, int groupSize, int minWidth) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (int i = digits.length() - 1; i >= 0; i--) {
            if (count > 0 && count % groupSize == 0) {
                sb.append(separator);
            }
            sb.append(digits.charAt(i));
            count++;
        }
        while (sb.length() < minWidth) {
            if (count % groupSize == 0) {
                sb.append(separator);
                if (sb.length() >= minWidth) {
                    sb.append('0');
                    break;
                }
            }
            sb.append('0');
            count++;
        }
        return sb.reverse().toString();
    }

    private static String pad(String prefix, String body, Spec s, char defaultAlign) {
        int length = prefix.codePointCount(0, prefix.length()) + body.codePointCount(0, body.length());
        int missing = s.width - length;
        if (missing <= 0) {
            return prefix + body;
        }
        String fill = new String(Character.toChars(s.fill == 0 ? ' ' : s.fill));
        char align = s.align == 0 ? defaultAlign : s.align;
        try {
            return switch (align) {
                case '<' -> prefix + body + fill.repeat(missing);
                case '^' -> fill.repeat(missing / 2) + prefix + body + fill.repeat(missing - missing / 2);
                case '=' -> prefix + fill.repeat(missing) + body;
                default -> fill.repeat(missing) + prefix + body;
            };
        } catch (OutOfMemoryError e) {
            // A width such as 2_000_000_000: the padding alone would not fit in memory.
            throw new ToyError("MemoryError", "format width " + s.width + " is too large");
        }
    }

    private static ToyError unknownCode(char type, String typeName) {
        return ToyError.valueError("Unknown format code '" + type + "' for object of type '" + typeName + "'");
    }
}
