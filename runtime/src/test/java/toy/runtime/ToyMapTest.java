package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static toy.runtime.Expect.args;
import static toy.runtime.Expect.error;

import org.junit.jupiter.api.Test;

class ToyMapTest {
    @Test
    void keepsInsertionOrderAndOverwritesInPlace() {
        ToyMap m = new ToyMap();
        m.put("b", 1L);
        m.put("a", 2L);
        m.put("b", 3L);
        assertEquals("{\"b\": 3, \"a\": 2}", m.str());
        assertEquals(2, m.size());
        assertEquals("[\"b\", \"a\"]", m.keys().str());
        assertEquals("[3, 2]", m.values().str());
        assertNull(m.get("zz"));
        assertTrue(m.containsKey("a"));
    }

    @Test
    void equalNumbersAreOneKeyAndTheFirstKeyObjectStays() {
        ToyMap m = new ToyMap();
        m.put(1.0, "a");
        m.put(1L, "b");
        assertEquals("{1.0: \"b\"}", m.str());
        m.put(0L, "zero");
        m.put(-0.0, "minus zero");
        assertEquals("minus zero", m.get(0.0));
        assertEquals("{1.0: \"b\", 0: \"minus zero\"}", m.str());
        m.put(true, "true");
        assertEquals("b", m.get(1L), "true and 1 are different keys");
        assertEquals("true", m.get(true));
        m.put(0x1p53, "big");
        assertNull(m.get((1L << 53) + 1));
        assertEquals("big", m.get(1L << 53));
        m.put(Nil.NIL, "nil");
        assertEquals("nil", m.get(Nil.NIL));
        m.put(0.5, "half");
        assertEquals("half", m.get(0.5));
        m.put(1e300, "huge");
        assertEquals("huge", m.get(1e300));
    }

    @Test
    void aNanKeyIsFoundOnlyByTheSameObject() {
        ToyMap m = new ToyMap();
        Double nan = Double.NaN;
        m.put(nan, 1L);
        assertEquals(1L, m.get(nan));
        assertFalse(m.containsKey(Double.valueOf(Double.NaN)));
    }

    @Test
    void onlyScalarsAreKeys() {
        ToyMap m = new ToyMap();
        error("TypeError: unhashable type: 'list'", () -> m.put(new ToyList(), 1L));
        error("TypeError: unhashable type: 'map'", () -> m.get(new ToyMap()));
        error("TypeError: unhashable type: 'range'", () -> m.containsKey(new ToyRange(0, 1, 1)));
    }

    @Test
    void toyMethods() {
        ToyMap m = new ToyMap();
        m.put("k", 1L);
        assertEquals("[\"k\"]", Values.str(Expect.callMethod(m, "keys", args())));
        assertEquals("[1]", Values.str(Expect.callMethod(m, "values", args())));
        assertEquals(1L, Expect.callMethod(m, "get", args("k")));
        assertEquals(Nil.NIL, Expect.callMethod(m, "get", args("x")));
        assertEquals(0L, Expect.callMethod(m, "get", args("x", 0L)));
        error("TypeError: 'map' object has no attribute 'nope'", () -> Expect.callMethod(m, "nope", args()));
        error("TypeError: map.keys() takes no arguments (1 given)", () -> Expect.callMethod(m, "keys", args(1L)));
        error("TypeError: map.values() takes no arguments (1 given)", () -> Expect.callMethod(m, "values", args(1L)));
        error("TypeError: get expected at least 1 argument, got 0", () -> Expect.callMethod(m, "get", args()));
        error("TypeError: get expected at most 2 arguments, got 3", () -> Expect.callMethod(m, "get", args(1L, 2L, 3L)));
        error("TypeError: unhashable type: 'list'", () -> Expect.callMethod(m, "get", args(new ToyList())));
        assertEquals("<method get of map>", Values.str(Methods.getAttribute(m, "get")));
        error("TypeError: 'map' object has no attribute 'k'", () -> Methods.getAttribute(m, "k"));
    }

    @Test
    void entriesAreASnapshot() {
        ToyMap m = new ToyMap();
        m.put(1L, 2L);
        var entries = m.entries();
        m.put(3L, 4L);
        assertEquals(1, entries.size());
        assertEquals(1L, entries.get(0).getKey());
        assertEquals(2L, entries.get(0).getValue());
    }
}
