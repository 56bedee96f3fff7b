package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static toy.runtime.Expect.args;
import static toy.runtime.Expect.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    @Test
    void anIntKeyIsFoundUnboxedAsItIsBoxed() {
        ToyMap m = new ToyMap();
        m.put(2.0, "two");
        m.put(7L, "seven");
        m.put(-1L << 40, "big");
        assertEquals("two", m.getInt(2));
        assertEquals("seven", m.getInt(7));
        assertEquals("big", m.getInt(-1L << 40));
        assertNull(m.getInt(3));
        m.putInt(2, "deux");
        m.putInt(9, "nine");
        assertEquals("{2.0: \"deux\", 7: \"seven\", -1099511627776: \"big\", 9: \"nine\"}", m.str());
        assertEquals("nine", m.get((Object) 9.0));
    }

    @Test
    void removalsKeepTheOrderOfTheRestThroughEveryRebuild() {
        ToyMap m = new ToyMap();
        for (long k = 0; k < 1000; k++) {
            m.put(k, k * 10);
        }
        for (long k = 0; k < 1000; k += 2) {
            assertEquals(k * 10, m.remove(k));
        }
        assertNull(m.remove(0L));
        m.put(0L, "back");
        assertEquals(501, m.size());
        Object[] keys = m.keyArray();
        assertEquals(1L, keys[0]);
        assertEquals(999L, keys[499]);
        assertEquals(0L, keys[500], "a key removed and stored again goes last, as in Python");
        assertEquals(30L, m.get(3L));
        m.clear();
        assertEquals(0, m.size());
        assertNull(m.get(3L));
    }

    /** Random operations against a LinkedHashMap filed by the key a Toy key equals. */
    @Test
    void agreesWithAModelUnderRandomOperations() {
        Random random = new Random(11);
        Object[] pool = {0L, 1L, 2L, 3L, 1.0, 2.0, 2.5, -0.0, "a", "b", "", true, false, Nil.NIL, 1L << 33, 0x1p33};
        ToyMap m = new ToyMap();
        Map<Object, Object[]> model = new LinkedHashMap<>();
        for (int step = 0; step < 20_000; step++) {
            Object key = pool[random.nextInt(pool.length)];
            Object filed = key instanceof Double d && d == Math.rint(d) ? (Object) (long) (double) d : key;
            long value = step;
            switch (random.nextInt(4)) {
                case 0 -> {
                    m.put(key, value);
                    model.computeIfAbsent(filed, f -> new Object[] {key, null})[1] = value;
                }
                case 1 -> {
                    Object[] had = model.remove(filed);
                    assertEquals(had == null ? null : had[1], m.remove(key));
                }
                case 2 -> {
                    Object[] had = model.putIfAbsent(filed, new Object[] {key, value});
                    assertEquals(had == null ? value : had[1], m.putIfAbsent(key, value));
                }
                default -> {
                    Object[] had = model.get(filed);
                    assertEquals(had == null ? null : had[1], m.get(key));
                    if (key instanceof Long n) {
                        assertEquals(had == null ? null : had[1], m.getInt(n));
                    }
                }
            }
            assertEquals(model.size(), m.size());
        }
        List<Object> expected = new ArrayList<>();
        for (Object[] entry : model.values()) {
            expected.add(entry[0]);
            expected.add(entry[1]);
        }
        List<Object> actual = new ArrayList<>();
        for (var entry : m.entries()) {
            actual.add(entry.getKey());
            actual.add(entry.getValue());
        }
        assertEquals(expected, actual);
    }

    @Test
    void concurrentPutsAreNeverLost() throws InterruptedException {
        // Threads without a GIL, as under --gil off, which turns locking on the same way.
        ContainerLocks.require();
        ToyMap m = new ToyMap();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long base = t * 100_000L;
            Thread thread = new Thread(() -> {
                for (long i = 0; i < 10_000; i++) {
                    m.putInt(base + i, i);
                    m.put("k" + (base + i), i);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(80_000, m.size());
        for (long i = 0; i < 10_000; i++) {
            assertEquals(i, m.getInt(300_000L + i));
        }
    }
}
