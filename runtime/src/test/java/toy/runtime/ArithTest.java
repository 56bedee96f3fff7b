package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static toy.runtime.Expect.error;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArithTest {
    /** Every line of arith.txt, written by src/test/python/gen_expectations.py from CPython's results. */
    @Test
    void matchesPythonOnGeneratedOperations() throws IOException {
        List<String> failures = new ArrayList<>();
        int count = 0;
        try (BufferedReader in = FloatFormatTest.resource("arith.txt")) {
            for (String line; (line = in.readLine()) != null; count++) {
                String[] p = line.split("\t");
                String actual = outcome(p[0], decode(p[1]), p[2].equals("-") ? null : decode(p[2]));
                if (!actual.equals(p[3])) {
                    failures.add(line + "  -> got " + actual);
                }
            }
        }
        assertTrue(count > 1000, "too few cases: " + count);
        assertEquals(List.of(), failures);
    }

    private static Object decode(String s) {
        if (s.equals("nan")) {
            return Double.NaN;
        }
        return s.startsWith("f") ? (Object) Double.longBitsToDouble(Long.parseUnsignedLong(s.substring(1), 16))
                : (Object) Long.parseLong(s);
    }

    private static String outcome(String op, Object a, Object b) {
        try {
            return encode(apply(op, a, b));
        } catch (ToyError e) {
            return "!" + e.str();
        }
    }

    private static Object apply(String op, Object a, Object b) {
        return switch (op) {
            case "+" -> Arith.add(a, b);
            case "-" -> Arith.sub(a, b);
            case "*" -> Arith.mul(a, b);
            case "/" -> Arith.truediv(a, b);
            case "//" -> Arith.floordiv(a, b);
            case "%" -> Arith.mod(a, b);
            case "**" -> Arith.pow(a, b);
            case "neg" -> Arith.neg(a);
            case "<" -> Values.lt(a, b);
            case "<=" -> Values.le(a, b);
            case ">" -> Values.gt(a, b);
            case ">=" -> Values.ge(a, b);
            case "==" -> Values.equal(a, b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static String encode(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "nan" : String.format("f%016x", Double.doubleToRawLongBits(d));
        }
        return v.toString();
    }

    @Test
    void boolIsNotANumber() {
        error("TypeError: unsupported operand type(s) for +: 'bool' and 'int'", () -> Arith.add(true, 1L));
        error("TypeError: unsupported operand type(s) for -: 'float' and 'bool'", () -> Arith.sub(1.0, false));
        error("TypeError: unsupported operand type(s) for ** or pow(): 'bool' and 'bool'", () -> Arith.pow(true, true));
        error("TypeError: bad operand type for unary -: 'bool'", () -> Arith.neg(true));
        error("TypeError: can't multiply sequence by non-int of type 'bool'", () -> Arith.mul("ab", true));
    }

    @Test
    void stringsAndLists() {
        assertEquals("abcd", Arith.add("ab", "cd"));
        assertEquals("ababab", Arith.mul("ab", 3L));
        assertEquals("ababab", Arith.mul(3L, "ab"));
        assertEquals("", Arith.mul("ab", -2L));
        ToyList a = ToyList.of(1L, 2L);
        ToyList sum = (ToyList) Arith.add(a, ToyList.of("x"));
        assertEquals("[1, 2, \"x\"]", sum.str());
        assertEquals("[1, 2]", a.str(), "+ makes a new list");
        assertEquals("[1, 2, 1, 2]", Values.str(Arith.mul(a, 2L)));
        assertEquals("[1, 2, 1, 2]", Values.str(Arith.mul(2L, a)));
        assertEquals("[]", Values.str(Arith.mul(a, 0L)));
        error("TypeError: unsupported operand type(s) for +: 'str' and 'int'", () -> Arith.add("a", 1L));
        error("TypeError: unsupported operand type(s) for +: 'list' and 'str'", () -> Arith.add(a, "x"));
        error("TypeError: unsupported operand type(s) for -: 'str' and 'str'", () -> Arith.sub("a", "b"));
        error("TypeError: can't multiply sequence by non-int of type 'float'", () -> Arith.mul("a", 1.5));
        error("TypeError: can't multiply sequence by non-int of type 'float'", () -> Arith.mul(1.5, "a"));
        error("TypeError: can't multiply sequence by non-int of type 'str'", () -> Arith.mul(a, "a"));
        error("TypeError: can't multiply sequence by non-int of type 'nil'", () -> Arith.mul(Nil.NIL, "a"));
        error("OverflowError: repeated string is too long", () -> Arith.mul("ab", 1L << 40));
        error("OverflowError: repeated list is too long", () -> Arith.mul(a, 1L << 40));
        error("TypeError: unsupported operand type(s) for /: 'str' and 'int'", () -> Arith.truediv("a", 1L));
        error("TypeError: bad operand type for unary -: 'str'", () -> Arith.neg("a"));
    }

    @Test
    void aRepeatedListHoldsItsItemsInOrderAtEveryCount() {
        for (int length = 1; length <= 3; length++) {
            for (long times = 0; times <= 9; times++) {
                Object[] items = new Object[length];
                for (int i = 0; i < length; i++) {
                    items[i] = (long) i;
                }
                StringBuilder expected = new StringBuilder("[");
                for (long t = 0; t < times; t++) {
                    for (int i = 0; i < length; i++) {
                        expected.append(expected.length() > 1 ? ", " : "").append(i);
                    }
                }
                assertEquals(expected + "]", Values.str(Arith.mul(ToyList.of(items), times)), length + " * " + times);
            }
        }
    }

    @Test
    void mixedIntAndFloatGiveAFloat() {
        assertEquals(3.5, Arith.add(1L, 2.5));
        assertEquals(0.5, Arith.truediv(1L, 2L));
        assertEquals(2.0, Arith.truediv(4L, 2L));
        assertEquals(-4.0, Arith.floordiv(7.5, -2L));
        assertEquals(0.5, Arith.mod(-7.5, 2L));
    }

    @Test
    void unboxedIntHelpers() {
        assertEquals(Long.MAX_VALUE, Arith.addInt(Long.MAX_VALUE - 1, 1));
        error("OverflowError: integer overflow", () -> Arith.addInt(Long.MAX_VALUE, 1));
        error("OverflowError: integer overflow", () -> Arith.subInt(Long.MIN_VALUE, 1));
        assertEquals(Long.MIN_VALUE, Arith.subInt(-1, Long.MAX_VALUE));
        error("OverflowError: integer overflow", () -> Arith.mulInt(3037000500L, 3037000500L));
        assertEquals(Long.MIN_VALUE, Arith.mulInt(-(1L << 31), 1L << 32));
        assertEquals(-4, Arith.floordivInt(7, -2));
        error("OverflowError: integer overflow", () -> Arith.floordivInt(Long.MIN_VALUE, -1));
        error("ZeroDivisionError: integer division or modulo by zero", () -> Arith.floordivInt(1, 0));
        assertEquals(1, Arith.modInt(-7, 2));
        assertEquals(0, Arith.modInt(Long.MIN_VALUE, -1));
        error("ZeroDivisionError: integer modulo by zero", () -> Arith.modInt(1, 0));
        assertEquals(-0.0, Arith.truedivInt(0, -5));
        error("ZeroDivisionError: division by zero", () -> Arith.truedivInt(1, 0));
        // Correctly rounded, not (double) a / (double) b: Python gives 3.843071682022823e+17.
        assertEquals(3.843071682022823e17, Arith.truedivInt((1L << 60) + 1, 3));
        assertEquals(Long.MIN_VALUE, Arith.powInt(-2, 63));
        assertEquals(-1L, Arith.powInt(-1, (1L << 62) + 1));
        assertEquals(1L, Arith.powInt(0, 0));
        assertEquals(0.5, Arith.powInt(2, -1));
        error("OverflowError: integer overflow", () -> Arith.powInt(2, 63));
        error("ZeroDivisionError: 0.0 cannot be raised to a negative power", () -> Arith.powInt(0, -1));
        assertEquals(-5, Arith.negInt(5));
        error("OverflowError: integer overflow", () -> Arith.negInt(Long.MIN_VALUE));
    }

    @Test
    void floatPowerErrors() {
        error("OverflowError: (34, 'Numerical result out of range')", () -> Arith.pow(10.0, 400L));
        error("ValueError: math domain error", () -> Arith.pow(-8.0, 0.5));
        error("ZeroDivisionError: 0.0 cannot be raised to a negative power", () -> Arith.pow(0.0, -1L));
        assertEquals(-8.0, Arith.pow(-2.0, 3L));
        assertEquals(0.0, Arith.pow(10.0, -400L));
    }
}
