package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static toy.runtime.Expect.error;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreBuiltinsTest {
    /** The builtins of this module, in the order the VM names them. */
    private static List<Builtin> all() {
        List<Builtin> all = new ArrayList<>(CoreBuiltins.all());
        all.addAll(SequenceBuiltins.all());
        all.addAll(TextBuiltins.all());
        all.addAll(MathBuiltins.all());
        all.addAll(ErrorKinds.all());
        return all;
    }

    private static Object callWithKeyword(String name, String keyword, Object value, Object... args) {
        for (Builtin b : all()) {
            if (b.name().equals(name)) {
                return b.call(Expect.CALLER, args, new Keywords(new String[] {keyword}, new Object[] {value}));
            }
        }
        throw new AssertionError("no builtin " + name);
    }

    private static Object call(String name, Object... args) {
        for (Builtin b : all()) {
            if (b.name().equals(name)) {
                return b.call(Expect.CALLER, args);
            }
        }
        throw new AssertionError("no builtin " + name);
    }

    @Test
    void allTheCoreBuiltins() {
        assertEquals(List.of("len", "str", "float", "type", "range", "abs", "sum", "round", "min", "max", "sorted",
                        "reversed", "enumerate", "zip", "any", "all", "list", "bool", "repr", "int", "ord", "chr", "hex",
                        "bin", "format", "divmod", "sqrt", "floor", "ceil", "Error", "TypeError", "NameError",
                        "IndexError", "KeyError", "ValueError", "ZeroDivisionError", "OverflowError", "RecursionError",
                        "AssertionError", "RuntimeError", "MemoryError", "TimeoutError", "Empty", "Full",
                        "DeadlockError", "WorkerError"),
                all().stream().map(Builtin::name).toList());
    }

    @Test
    void len() {
        assertEquals(5L, call("len", "h😀llo"));
        assertEquals(2L, call("len", ToyList.of(1L, 2L)));
        assertEquals(0L, call("len", new ToyMap()));
        assertEquals(5L, call("len", new ToyRange(0, 10, 2)));
        error("TypeError: object of type 'int' has no len()", () -> call("len", 1L));
        error("TypeError: len() takes exactly one argument (2 given)", () -> call("len", "a", "b"));
        error("TypeError: len() takes exactly one argument (0 given)", () -> call("len"));
        error("OverflowError: integer overflow", () -> call("len", new ToyRange(Long.MIN_VALUE, Long.MAX_VALUE, 1)));
    }

    @Test
    void strAndType() {
        assertEquals("1.5", call("str", 1.5));
        assertEquals("[\"a\"]", call("str", ToyList.of("a")));
        assertEquals("a", call("str", "a"));
        assertEquals("", call("str"));
        assertEquals("ValueError: x", call("str", ToyError.valueError("x")));
        error("TypeError: str() takes at most 1 argument (2 given)", () -> call("str", 1L, 2L));
        assertEquals("float", call("type", 1.0));
        assertEquals("nil", call("type", Nil.NIL));
        error("TypeError: type() takes exactly one argument (0 given)", () -> call("type"));
    }

    @Test
    void intConversion() {
        assertEquals(0L, call("int"));
        assertEquals(3L, call("int", 3L));
        assertEquals(3L, call("int", 3.99));
        assertEquals(-3L, call("int", -3.99));
        assertEquals(Long.MIN_VALUE, call("int", -0x1p63));
        assertEquals(1L, call("int", true));
        assertEquals(0L, call("int", false));
        assertEquals(10L, call("int", " 1_0 "));
        assertEquals(-7L, call("int", "\t-007\n"));
        assertEquals(5L, call("int", "+5"));
        assertEquals(3L, call("int", "٣"));
        assertEquals(Long.MIN_VALUE, call("int", "-9223372036854775808"));
        error("OverflowError: integer overflow", () -> call("int", "9223372036854775808"));
        error("OverflowError: integer overflow", () -> call("int", 0x1p63));
        error("OverflowError: cannot convert float infinity to integer", () -> call("int", Double.NEGATIVE_INFINITY));
        error("ValueError: cannot convert float NaN to integer", () -> call("int", Double.NaN));
        for (String bad : new String[] {"abc", "", "  ", "1__0", "_1", "1_", "0x10", "+ 1", "1.5", "1e3"}) {
            error("ValueError: invalid literal for int() with base 10: " + Values.repr(bad), () -> call("int", bad));
        }
        error("TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'",
                () -> call("int", new ToyList()));
        error("TypeError: int() takes at most 2 arguments (3 given)", () -> call("int", "1", 2L, 3L));
        assertEquals(255L, call("int", "ff", 16L));
        assertEquals(-10L, call("int", " -0b1010 ", 0L));
        error("ValueError: invalid literal for int() with base 8: \"9\"", () -> call("int", "9", 8L));
        error("TypeError: int() can't convert non-string with explicit base", () -> call("int", 9L, 8L));
    }

    @Test
    void floatConversion() {
        assertEquals(0.0, call("float"));
        assertEquals(2.0, call("float", 2L));
        assertEquals(1.0, call("float", true));
        assertEquals(1.5, call("float", "  1.5 "));
        assertEquals(1e9, call("float", "1e9"));
        assertEquals(10.5, call("float", "1_0.5"));
        assertEquals(1e10, call("float", "1e1_0"));
        assertEquals(0.0005, call("float", "+.5e-3"));
        assertEquals(1.0, call("float", "1."));
        assertEquals(3.5, call("float", "٣.5"));
        assertEquals(Double.POSITIVE_INFINITY, call("float", "inf"));
        assertEquals(Double.NEGATIVE_INFINITY, call("float", " -InFinity "));
        assertEquals(Double.POSITIVE_INFINITY, call("float", "1e400"));
        assertTrue(Double.isNaN((Double) call("float", "-nan")));
        for (String bad : new String[] {"abc", "", ".", "1._5", "1e", "e5", "infinit", "1 0", "0x1p3", "1d", "NaNa"}) {
            error("ValueError: could not convert string to float: " + Values.repr(bad), () -> call("float", bad));
        }
        error("TypeError: float() argument must be a string or a real number, not 'nil'", () -> call("float", Nil.NIL));
        error("TypeError: float expected at most 1 argument, got 2", () -> call("float", 1L, 2L));
    }

    @Test
    void range() {
        assertEquals("range(0, 3)", Values.str(call("range", 3L)));
        assertEquals("range(1, 3)", Values.str(call("range", 1L, 3L)));
        assertEquals("range(0, 10, 2)", Values.str(call("range", 0L, 10L, 2L)));
        error("TypeError: range expected at least 1 argument, got 0", () -> call("range"));
        error("TypeError: range expected at most 3 arguments, got 4", () -> call("range", 1L, 2L, 3L, 4L));
        error("TypeError: 'float' object cannot be interpreted as an integer", () -> call("range", 1.5));
        error("TypeError: 'bool' object cannot be interpreted as an integer", () -> call("range", true));
        error("ValueError: range() arg 3 must not be zero", () -> call("range", 1L, 2L, 0L));
    }

    @Test
    void abs() {
        assertEquals(5L, call("abs", -5L));
        assertEquals(2.5, call("abs", -2.5));
        assertEquals(0.0, call("abs", -0.0));
        error("OverflowError: integer overflow", () -> call("abs", Long.MIN_VALUE));
        error("TypeError: bad operand type for abs(): 'str'", () -> call("abs", "a"));
        error("TypeError: bad operand type for abs(): 'bool'", () -> call("abs", true));
    }

    @Test
    void minAndMax() {
        assertEquals(1L, call("min", 3L, 1L, 2L));
        assertEquals(3L, call("max", 3L, 1L, 2L));
        assertEquals(1.0, call("min", 1.0, 1L), "ties keep the first");
        assertEquals(2.5, call("max", ToyList.of(1L, 2.5, 2L)));
        assertEquals(9L, call("max", new ToyRange(0, 10, 1)));
        assertEquals("a", call("min", "bca"));
        ToyMap m = new ToyMap();
        m.put(3L, 1L);
        m.put(5L, 0L);
        assertEquals(5L, call("max", m));
        error("ValueError: min() arg is an empty sequence", () -> call("min", new ToyList()));
        error("ValueError: max() arg is an empty sequence", () -> call("max", ""));
        error("TypeError: 'int' object is not iterable", () -> call("min", 1L));
        error("TypeError: min expected at least 1 argument, got 0", () -> call("min"));
        error("TypeError: '<' not supported between instances of 'str' and 'int'", () -> call("min", 1L, "a"));
        error("TypeError: '>' not supported between instances of 'str' and 'int'", () -> call("max", 1L, "a"));
    }

    @Test
    void sum() {
        assertEquals(6L, call("sum", ToyList.of(1L, 2L, 3L)));
        assertEquals(3.5, call("sum", ToyList.of(1L, 2.5)));
        assertEquals(0L, call("sum", new ToyList()));
        assertEquals(45L, call("sum", new ToyRange(0, 10, 1)));
        assertEquals(5L, call("sum", new ToyList(), 5L));
        assertEquals("[1, 2]", Values.str(call("sum", ToyList.of(ToyList.of(1L), ToyList.of(2L)), new ToyList())));
        error("TypeError: unsupported operand type(s) for +: 'int' and 'str'", () -> call("sum", ToyList.of("a")));
        error("TypeError: sum() can't sum strings [use ''.join(seq) instead]", () -> call("sum", ToyList.of("a"), ""));
        error("OverflowError: integer overflow", () -> call("sum", ToyList.of(Long.MAX_VALUE, 1L)));
        error("TypeError: sum() takes at least 1 positional argument (0 given)", () -> call("sum"));
        // start and round's ndigits by name, as in Python.
        assertEquals(15L, callWithKeyword("sum", "start", 10L, ToyList.of(2L, 3L)));
        assertEquals(2.35, callWithKeyword("round", "ndigits", 2L, 2.345678));
        error("TypeError: sum() got multiple values for argument 'start'", () -> callWithKeyword("sum", "start", 1L, new ToyList(), 2L));
        error("TypeError: sum() got an unexpected keyword argument 'begin'", () -> callWithKeyword("sum", "begin", 1L, new ToyList()));
    }

    @Test
    void roundToAnInt() {
        assertEquals(0L, call("round", 0.5));
        assertEquals(2L, call("round", 1.5));
        assertEquals(2L, call("round", 2.5));
        assertEquals(-2L, call("round", -2.5));
        assertEquals(0L, call("round", -0.4));
        assertEquals(7L, call("round", 7L));
        assertEquals(2L, call("round", 1.5, Nil.NIL));
        error("OverflowError: cannot convert float infinity to integer", () -> call("round", Double.POSITIVE_INFINITY));
        error("ValueError: cannot convert float NaN to integer", () -> call("round", Double.NaN));
        error("OverflowError: integer overflow", () -> call("round", 1e19));
        error("TypeError: type str doesn't define __round__ method", () -> call("round", "a"));
        error("TypeError: type bool doesn't define __round__ method", () -> call("round", true));
        error("TypeError: round() takes at most 2 arguments (3 given)", () -> call("round", 1L, 2L, 3L));
    }

    @Test
    void roundToDigits() {
        assertEquals(2.67, call("round", 2.675, 2L), "2.675 is really 2.67499999...");
        assertEquals(-0.0, call("round", -0.4, 0L));
        assertEquals(0.0, call("round", 0.5, 0L));
        assertEquals(2.0, call("round", 2.5, 0L));
        assertEquals(-0.0, call("round", -0.0001, 2L));
        assertEquals(1200.0, call("round", 1234.5678, -2L));
        assertEquals(1e300, call("round", 1e300, 5L));
        assertEquals(1e-320, call("round", 1e-320, 400L));
        assertEquals(0.0, call("round", Double.MIN_VALUE, 323L));
        assertEquals(-0.0, call("round", -123.456, -400L));
        assertEquals(Double.POSITIVE_INFINITY, call("round", Double.POSITIVE_INFINITY, 2L));
        error("OverflowError: rounded value too large to represent", () -> call("round", Double.MAX_VALUE, -308L));
        error("TypeError: 'float' object cannot be interpreted as an integer", () -> call("round", 1.5, 1.0));
    }

    @Test
    void roundAnIntToDigits() {
        assertEquals(123L, call("round", 123L, 1L));
        assertEquals(20L, call("round", 15L, -1L));
        assertEquals(20L, call("round", 25L, -1L));
        assertEquals(-20L, call("round", -25L, -1L));
        assertEquals(0L, call("round", 5_000_000_000_000_000_000L, -19L));
        assertEquals(0L, call("round", Long.MAX_VALUE, -20L));
        assertEquals(0L, call("round", Long.MAX_VALUE, Long.MIN_VALUE));
        error("OverflowError: integer overflow", () -> call("round", Long.MAX_VALUE, -1L));
        error("OverflowError: integer overflow", () -> call("round", Long.MAX_VALUE, -19L));
    }
}
