package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static toy.runtime.Expect.error;

import org.junit.jupiter.api.Test;

class IndexingTest {
    private static final Object NIL = Nil.NIL;

    @Test
    void lists() {
        ToyList list = ToyList.of(1L, 2L, 3L);
        assertEquals(3L, Indexing.get(list, -1L));
        error("IndexError: list index out of range", () -> Indexing.get(list, 3L));
        error("IndexError: list index out of range", () -> Indexing.get(list, Long.MIN_VALUE));
        error("IndexError: list index out of range", () -> Indexing.get(list, 1L << 40));
        error("TypeError: list indices must be integers or slices, not str", () -> Indexing.get(list, "0"));
        error("TypeError: list indices must be integers or slices, not bool", () -> Indexing.get(list, true));
        Indexing.set(list, 0L, "x");
        assertEquals("[\"x\", 2, 3]", list.str());
        error("IndexError: list assignment index out of range", () -> Indexing.set(list, 5L, 1L));
        error("TypeError: list indices must be integers or slices, not float", () -> Indexing.set(list, 0.0, 1L));
        assertEquals("[2, 3]", Values.str(Indexing.slice(list, 1L, NIL)));
        assertEquals("[\"x\", 2]", Values.str(Indexing.slice(list, NIL, -1L)));
        assertEquals("[\"x\", 2, 3]", Values.str(Indexing.slice(list, -10L, 10L)));
        assertEquals("[]", Values.str(Indexing.slice(list, 2L, 1L)));
        error("TypeError: slice indices must be integers or nil", () -> Indexing.slice(list, 1L, "a"));
    }

    @Test
    void stringsByCodePoint() {
        String s = "h😀llo";
        assertEquals("😀", Indexing.get(s, 1L));
        assertEquals("😀", Indexing.get(s, -4L));
        assertEquals("o", Indexing.get(s, -1L));
        assertEquals("😀l", Indexing.slice(s, 1L, 3L));
        assertEquals("llo", Indexing.slice(s, -3L, NIL));
        assertEquals("", Indexing.slice(s, 4L, 2L));
        assertEquals(s, Indexing.slice(s, NIL, NIL));
        error("IndexError: string index out of range", () -> Indexing.get(s, 5L));
        error("IndexError: string index out of range", () -> Indexing.get("", 0L));
        error("TypeError: string indices must be integers, not 'str'", () -> Indexing.get(s, "a"));
        error("TypeError: 'str' object does not support item assignment", () -> Indexing.set(s, 0L, "x"));
    }

    @Test
    void latin1CharactersAreSharedAndAnIndexNeedsNoWalkWithoutSurrogates() {
        String latin = "x".repeat(100_000) + "é";
        assertSame(Indexing.get(latin, 100_000L), Indexing.get("é", 0L));
        assertSame(Indexing.get("abc", 1L), Indexing.get("xbz", 1L));
        assertEquals("ŵ", Indexing.get("aŵ", 1L));
        String wide = "😀".repeat(3) + "ŵz";
        assertEquals("ŵ", Indexing.get(wide, 3L));
        assertEquals("z", Indexing.get(wide, -1L));
        assertEquals("\ud800", Indexing.get("a\ud800b", 1L), "a lone surrogate is one character");
    }

    @Test
    void mapsTakeIntKeysUnboxed() {
        ToyMap m = new ToyMap();
        Indexing.setAt(m, 300, "a");
        assertEquals("a", Indexing.getAt(m, 300));
        assertEquals("a", Indexing.get(m, 300.0));
        Indexing.set(m, 2.0, "b");
        assertEquals("b", Indexing.getAt(m, 2));
        error("KeyError: 7", () -> Indexing.getAt(m, 7));
        assertEquals("{300: \"a\", 2.0: \"b\"}", m.str());
    }

    @Test
    void maps() {
        ToyMap m = new ToyMap();
        Indexing.set(m, "x", 1L);
        assertEquals(1L, Indexing.get(m, "x"));
        error("KeyError: \"y\"", () -> Indexing.get(m, "y"));
        error("KeyError: 2.5", () -> Indexing.get(m, 2.5));
        error("TypeError: unhashable type: 'list'", () -> Indexing.get(m, new ToyList()));
        error("TypeError: unhashable type: 'list'", () -> Indexing.set(m, new ToyList(), 1L));
        error("TypeError: 'map' object is not sliceable", () -> Indexing.slice(m, 0L, 1L));
    }

    @Test
    void ranges() {
        ToyRange r = new ToyRange(0, 10, 2);
        assertEquals(4L, Indexing.get(r, 2L));
        assertEquals(8L, Indexing.get(r, -1L));
        assertEquals("range(2, 6, 2)", Values.str(Indexing.slice(r, 1L, 3L)));
        error("IndexError: range object index out of range", () -> Indexing.get(r, 5L));
        error("TypeError: range indices must be integers or slices, not str", () -> Indexing.get(r, "a"));
        error("TypeError: 'range' object does not support item assignment", () -> Indexing.set(r, 0L, 1L));
    }

    @Test
    void otherValues() {
        error("TypeError: 'int' object is not subscriptable", () -> Indexing.get(1L, 0L));
        error("TypeError: 'nil' object is not subscriptable", () -> Indexing.slice(NIL, 0L, "bad bound"));
        error("TypeError: 'int' object does not support item assignment", () -> Indexing.set(1L, 0L, 0L));
    }
}
