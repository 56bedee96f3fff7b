package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static toy.runtime.Expect.error;

import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final ToyObject FUNCTION = new ToyObject() {
        @Override
        public String typeName() {
            return "function";
        }

        @Override
        public String str() {
            return "<fn f>";
        }
    };

    @Test
    void typeNames() {
        assertEquals("int", Values.typeName(1L));
        assertEquals("float", Values.typeName(1.0));
        assertEquals("bool", Values.typeName(true));
        assertEquals("nil", Values.typeName(Nil.NIL));
        assertEquals("str", Values.typeName("s"));
        assertEquals("list", Values.typeName(new ToyList()));
        assertEquals("map", Values.typeName(new ToyMap()));
        assertEquals("range", Values.typeName(new ToyRange(0, 3, 1)));
        assertEquals("builtin", Values.typeName(CoreBuiltins.all().get(0)));
        assertEquals("Error", Values.typeName(ToyError.valueError("x")));
        assertEquals("function", Values.typeName(FUNCTION));
    }

    @Test
    void strShowsStringsBareAndContainersWithRepr() {
        assertEquals("hi", Values.str("hi"));
        assertEquals("42", Values.str(42L));
        assertEquals("-0.0", Values.str(-0.0));
        assertEquals("1e+16", Values.str(1e16));
        assertEquals("true", Values.str(true));
        assertEquals("nil", Values.str(Nil.NIL));
        assertEquals("[1, \"a\", nil]", Values.str(ToyList.of(1L, "a", Nil.NIL)));
        ToyMap m = new ToyMap();
        m.put("k", 2.5);
        m.put(1L, ToyList.of(2L));
        assertEquals("{\"k\": 2.5, 1: [2]}", Values.str(m));
        assertEquals("{}", Values.str(new ToyMap()));
        assertEquals("[]", Values.str(new ToyList()));
        assertEquals("[<fn f>, ValueError: x]", Values.str(ToyList.of(FUNCTION, ToyError.valueError("x"))));
    }

    @Test
    void strOfAnIntInAndAroundTheSharedSmallOnes() {
        for (long n : new long[] {-7, -6, -5, -1, 0, 9, 10, 255, 256, 257, 1000, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertEquals(Long.toString(n), Values.str(n));
        }
        assertEquals(true, Values.str(7L) == Values.str(7L));
    }

    @Test
    void reprQuotesAndEscapes() {
        assertEquals("\"hi\"", Values.repr("hi"));
        assertEquals("\"a\\\\b\\\"c\\nd\\te\\rf\\x00\"", Values.repr("a\\b\"c\nd\te\rf\0"));
        assertEquals("\"'é😀\"", Values.repr("'é😀"));
        assertEquals("42", Values.repr(42L));
        assertEquals("[\"x\"]", Values.repr(ToyList.of("x")));
    }

    @Test
    void reprEscapesWhatIsNotPrintableAsPythonDoes() {
        // Python's repr: a backslash, then x, u or U and 2, 4 or 8 hex digits.
        assertEquals("\"\\x01\\x1b\\x7f\\x85\\xa0\"", Values.repr("\u0001\u001b\u007f\u0085\u00a0"));
        String bs = "\\";
        assertEquals("\"" + bs + "u200b" + bs + "u2028" + bs + "ue000" + bs + "ud800" + bs + "U000e0001 ¹\"",
                Values.repr("\u200b\u2028\ue000\ud800\udb40\udc01 \u00b9"));
    }

    @Test
    void containersThatContainThemselves() {
        ToyList a = ToyList.of(1L);
        a.add(a);
        assertEquals("[1, [...]]", Values.str(a));
        ToyMap m = new ToyMap();
        m.put(1L, m);
        assertEquals("{1: {...}}", Values.str(m));
        ToyList x = ToyList.of(1L);
        ToyMap y = new ToyMap();
        y.put(1L, x);
        x.add(y);
        assertEquals("[1, {1: [...]}]", Values.str(x));
        ToyList twice = ToyList.of(ToyList.of(), ToyList.of());
        assertEquals("[[], []]", Values.str(twice), "siblings are not recursion");
    }

    @Test
    void veryDeepNestingIsARecursionError() {
        ToyList deep = new ToyList();
        for (int i = 0; i < 2000; i++) {
            deep = ToyList.of(deep);
        }
        ToyList nest = deep;
        error("RecursionError: maximum recursion depth exceeded while getting the repr of an object", () -> Values.str(nest));
    }

    @Test
    void truthiness() {
        for (Object falsy : new Object[] {false, Nil.NIL, 0L, 0.0, -0.0, "", new ToyList(), new ToyMap(), new ToyRange(3, 3, 1)}) {
            assertFalse(Values.truthy(falsy), Values.repr(falsy));
        }
        for (Object truthy : new Object[] {true, 1L, -1L, 0.5, Double.NaN, " ", ToyList.of(0L), new ToyRange(0, 1, 1), FUNCTION}) {
            assertTrue(Values.truthy(truthy), Values.repr(truthy));
        }
    }

    @Test
    void equality() {
        assertTrue(Values.equal(1L, 1.0));
        assertTrue(Values.equal(0L, -0.0));
        assertFalse(Values.equal((1L << 53) + 1, 0x1p53));
        assertFalse(Values.equal(Double.NaN, Double.NaN));
        Double nan = Double.NaN;
        assertFalse(Values.equal(nan, nan), "NaN is never equal, not even to itself");
        assertTrue(Values.equal(ToyList.of(nan), ToyList.of(nan)), "inside containers identity comes first");
        assertFalse(Values.equal(true, 1L));
        assertFalse(Values.equal(1L, true));
        assertTrue(Values.equal(true, true));
        assertTrue(Values.equal(Nil.NIL, Nil.NIL));
        assertFalse(Values.equal(Nil.NIL, false));
        assertTrue(Values.equal("ab", "a" + "b".repeat(1)));
        assertFalse(Values.equal("1", 1L));
        assertTrue(Values.equal(ToyList.of(1L, ToyList.of("x")), ToyList.of(1.0, ToyList.of("x"))));
        assertFalse(Values.equal(ToyList.of(1L), ToyList.of(1L, 2L)));
        ToyMap a = new ToyMap();
        a.put("x", 1L);
        a.put("y", 2L);
        ToyMap b = new ToyMap();
        b.put("y", 2.0);
        b.put("x", 1L);
        assertTrue(Values.equal(a, b), "maps compare regardless of order");
        b.put("x", 3L);
        assertFalse(Values.equal(a, b));
        assertTrue(Values.equal(new ToyRange(0, 3, 1), new ToyRange(0, 3, 1)));
        assertTrue(Values.equal(new ToyRange(0, 3, 2), new ToyRange(0, 4, 2)));
        assertTrue(Values.equal(new ToyRange(0, 0, 1), new ToyRange(5, 1, 1)));
        assertFalse(Values.equal(new ToyRange(0, 3, 1), ToyList.of(0L, 1L, 2L)));
        assertTrue(Values.equal(FUNCTION, FUNCTION));
    }

    @Test
    void selfContainingListsAreEqualByIdentityAndOtherwiseARecursionError() {
        ToyList a = ToyList.of(1L);
        a.add(a);
        assertTrue(Values.equal(a, a));
        ToyList b = ToyList.of(1L);
        b.add(b);
        error("RecursionError: maximum recursion depth exceeded in comparison", () -> Values.equal(a, b));
    }

    @Test
    void ordering() {
        assertTrue(Values.lt(1L, 2L));
        assertTrue(Values.lt(1L, 1.5));
        assertTrue(Values.gt((1L << 53) + 1, 0x1p53));
        assertFalse(Values.lt((1L << 53) + 1, 0x1p53));
        assertTrue(Values.lt(Long.MAX_VALUE, 0x1p63));
        assertTrue(Values.gt(Long.MIN_VALUE, Double.NEGATIVE_INFINITY));
        assertTrue(Values.le(-0.0, 0L));
        assertTrue(Values.ge(0L, -0.0));
        for (Object other : new Object[] {1L, 1.0, Double.NaN}) {
            assertFalse(Values.lt(Double.NaN, other));
            assertFalse(Values.le(Double.NaN, other));
            assertFalse(Values.gt(other, Double.NaN));
            assertFalse(Values.ge(other, Double.NaN));
        }
        assertTrue(Values.lt("a", "b"));
        assertTrue(Values.lt("ab", "abc"));
        assertTrue(Values.lt("\uffff", "😀"), "code point order, not UTF-16 order");
        assertTrue(Values.lt(ToyList.of(1L, 2L), ToyList.of(1L, 2L, 3L)));
        assertTrue(Values.gt(ToyList.of(2L), ToyList.of(1L, 5L)));
        assertTrue(Values.le(ToyList.of(), ToyList.of()));
        assertFalse(Values.lt(ToyList.of(Double.NaN), ToyList.of(1L)));
        assertFalse(Values.gt(ToyList.of(Double.NaN), ToyList.of(1L)));
    }

    @Test
    void orderingErrorsNameTheOperatorAsWritten() {
        error("TypeError: '<' not supported between instances of 'str' and 'int'", () -> Values.lt("a", 1L));
        error("TypeError: '<=' not supported between instances of 'bool' and 'bool'", () -> Values.le(true, false));
        error("TypeError: '>' not supported between instances of 'int' and 'nil'", () -> Values.gt(1L, Nil.NIL));
        error("TypeError: '>=' not supported between instances of 'map' and 'map'", () -> Values.ge(new ToyMap(), new ToyMap()));
        error("TypeError: '<' not supported between instances of 'str' and 'int'",
                () -> Values.lt(ToyList.of(1L, "a"), ToyList.of(1L, 2L)));
    }

    @Test
    void compareStringsByCodePoint() {
        assertTrue(Values.compareStrings("a", "b") < 0);
        assertEquals(0, Values.compareStrings("é", "é"));
        assertTrue(Values.compareStrings("\uffff", "😀") < 0);
        assertTrue(Values.compareStrings("😀", "\uffff") > 0);
        assertTrue(Values.compareStrings("😀", "😁") < 0);
        assertTrue(Values.compareStrings("\ud83d", "😀") < 0, "a lone high surrogate sorts before the pair");
        assertTrue(Values.compareStrings("\ud83dx", "😀") < 0);
        assertTrue(Values.compareStrings("x", "xy") < 0);
    }

    @Test
    void membership() {
        assertTrue(Values.contains(ToyList.of(1L, "a"), 1.0));
        assertFalse(Values.contains(ToyList.of(1L), true));
        Double nan = Double.NaN;
        assertTrue(Values.contains(ToyList.of(nan), nan));
        ToyMap m = new ToyMap();
        m.put("k", 1L);
        assertTrue(Values.contains(m, "k"));
        assertFalse(Values.contains(m, 1L));
        assertTrue(Values.contains("hello", "ell"));
        assertTrue(Values.contains("hello", ""));
        assertFalse(Values.contains("hello", "z"));
        assertTrue(Values.contains(new ToyRange(0, 10, 3), 9L));
        assertFalse(Values.contains(new ToyRange(0, 10, 3), 8L));
        assertTrue(Values.contains(new ToyRange(0, 10, 3), 6.0));
        assertFalse(Values.contains(new ToyRange(0, 10, 3), "a"));
        error("TypeError: 'in <string>' requires string as left operand, not int", () -> Values.contains("a", 1L));
        error("TypeError: argument of type 'int' is not iterable", () -> Values.contains(1L, 1L));
        error("TypeError: unhashable type: 'list'", () -> Values.contains(m, new ToyList()));
    }
}
