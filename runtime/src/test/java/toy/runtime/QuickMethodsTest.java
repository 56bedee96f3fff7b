package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static toy.runtime.Expect.args;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** Each specialized call gives what the general call by name gives: the result, or the same error. */
class QuickMethodsTest {
    private static final Caller C = Expect.CALLER;

    /** The str of what code returns, or "Kind: message" of the Toy error it raises. */
    private static String outcome(ThrowingSupplier<Object> code) {
        try {
            return Values.repr(code.get());
        } catch (ToyError e) {
            return e.str();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static void same(Object receiver, String name, Object[] args, ThrowingSupplier<Object> quick) {
        assertEquals(outcome(() -> Expect.callMethod(receiver, name, args)), outcome(quick), name + " on " + Values.repr(receiver));
    }

    @Test
    void namesWhatItHas() {
        assertTrue(QuickMethods.has("append", 1));
        assertTrue(QuickMethods.has("get", 1));
        assertTrue(QuickMethods.has("get", 2));
        assertTrue(QuickMethods.has("join", 1));
        assertTrue(QuickMethods.has("split", 0));
        assertTrue(QuickMethods.has("split", 1));
        assertFalse(QuickMethods.has("append", 0));
        assertFalse(QuickMethods.has("append", 2));
        assertFalse(QuickMethods.has("split", 2));
        assertFalse(QuickMethods.has("has", 2));
        assertFalse(QuickMethods.has("specialized", 0));
        assertFalse(QuickMethods.has("pop", 0));
    }

    @Test
    void append() {
        ToyList general = ToyList.of(1L);
        ToyList quick = ToyList.of(1L);
        same(general, "append", args("x"), () -> QuickMethods.append(C, quick, "x"));
        assertEquals(general.str(), quick.str());
        same("s", "append", args(1L), () -> QuickMethods.append(C, "s", 1L));
        same(new ToyMap(), "append", args(1L), () -> QuickMethods.append(C, new ToyMap(), 1L));
    }

    @Test
    void get() {
        ToyMap m = new ToyMap();
        m.put("a", 1L);
        m.put(2L, "two");
        for (Object key : new Object[] {"a", "b", 2L, 2.0, true, ToyList.of()}) {
            same(m, "get", args(key), () -> QuickMethods.get(C, m, key));
            same(m, "get", args(key, 0L), () -> QuickMethods.get(C, m, key, 0L));
        }
        same(ToyList.of(), "get", args(0L), () -> QuickMethods.get(C, ToyList.of(), 0L));
        same("s", "get", args(0L, 1L), () -> QuickMethods.get(C, "s", 0L, 1L));
    }

    @Test
    void join() {
        for (Object items : new Object[] {ToyList.of("a", "bc", "", "d"), ToyList.of(), ToyList.of("a", 1L), "xyz",
                new ToyRange(0, 3, 1), 5L}) {
            same(", ", "join", args(items), () -> QuickMethods.join(C, ", ", items));
            same("", "join", args(items), () -> QuickMethods.join(C, "", items));
        }
        same(ToyList.of(), "join", args(ToyList.of()), () -> QuickMethods.join(C, ToyList.of(), ToyList.of()));
    }

    @Test
    void split() {
        for (String s : new String[] {"", "  a b\t\nc  ", "a,b,,c", "x\u00a0y\u2028z"}) {
            same(s, "split", args(), () -> QuickMethods.split(C, s));
            for (Object sep : new Object[] {",", Nil.NIL, "", 1L}) {
                same(s, "split", args(sep), () -> QuickMethods.split(C, s, sep));
            }
        }
        same(1L, "split", args(), () -> QuickMethods.split(C, 1L));
        same(ToyList.of(), "split", args(","), () -> QuickMethods.split(C, ToyList.of(), ","));
    }
}
