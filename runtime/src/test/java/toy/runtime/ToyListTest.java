package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static toy.runtime.Expect.args;
import static toy.runtime.Expect.error;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToyListTest {
    @Test
    void repeatsInPlace() {
        ToyList list = ToyList.of(1L, "a", 2L);
        list.repeatInPlace(3);
        assertArrayEquals(new Object[] {1L, "a", 2L, 1L, "a", 2L, 1L, "a", 2L}, list.toArray());
        list.repeatInPlace(1);
        assertEquals(9, list.size());
        error("OverflowError: repeated list is too long", () -> list.repeatInPlace(Long.MAX_VALUE / 2));
        assertEquals(9, list.size());
        list.repeatInPlace(-1);
        assertEquals(0, list.size());
        list.repeatInPlace(5);
        assertEquals(0, list.size());
    }

    @Test
    void growsAndIndexesFromEitherEnd() {
        ToyList list = new ToyList();
        for (long i = 0; i < 100; i++) {
            list.add(i);
        }
        assertEquals(100, list.size());
        assertEquals(0L, list.get(0));
        assertEquals(99L, list.get(-1));
        assertEquals(0L, list.get(-100));
        error("IndexError: list index out of range", () -> list.get(100));
        error("IndexError: list index out of range", () -> list.get(-101));
        list.set(-1, "last");
        assertEquals("last", list.get(99));
        error("IndexError: list assignment index out of range", () -> list.set(100, 1L));
    }

    @Test
    void insertClampsLikePython() {
        ToyList list = ToyList.of(1L, 2L, 3L);
        list.insert(1, "a");
        list.insert(-1, "b");
        list.insert(100, "end");
        list.insert(-100, "start");
        assertEquals("[\"start\", 1, \"a\", 2, \"b\", 3, \"end\"]", list.str());
    }

    @Test
    void pop() {
        ToyList list = ToyList.of(1L, 2L, 3L, 4L);
        assertEquals(4L, list.pop());
        assertEquals(1L, list.pop(0));
        assertEquals(2L, list.pop(-2));
        assertEquals("[3]", list.str());
        error("IndexError: pop index out of range", () -> list.pop(1));
        list.pop();
        error("IndexError: pop from empty list", list::pop);
        error("IndexError: pop from empty list", () -> list.pop(0));
    }

    @Test
    void toyMethods() {
        ToyList list = new ToyList();
        assertEquals(Nil.NIL, Expect.callMethod(list, "append", args(1L)));
        assertEquals(Nil.NIL, Expect.callMethod(list, "insert", args(0L, "a")));
        assertEquals(Nil.NIL, Expect.callMethod(list, "insert", args(Long.MAX_VALUE, "z")));
        assertEquals("[\"a\", 1, \"z\"]", list.str());
        assertEquals("z", Expect.callMethod(list, "pop", args()));
        assertEquals("a", Expect.callMethod(list, "pop", args(0L)));
        error("IndexError: pop index out of range", () -> Expect.callMethod(list, "pop", args(Long.MIN_VALUE)));
        error("TypeError: 'list' object has no attribute 'nope'", () -> Expect.callMethod(list, "nope", args()));
        error("TypeError: list.append() takes exactly one argument (0 given)", () -> Expect.callMethod(list, "append", args()));
        error("TypeError: list.append() takes exactly one argument (2 given)", () -> Expect.callMethod(list, "append", args(1L, 2L)));
        error("TypeError: pop expected at most 1 argument, got 2", () -> Expect.callMethod(list, "pop", args(1L, 2L)));
        error("TypeError: insert expected 2 arguments, got 1", () -> Expect.callMethod(list, "insert", args(1L)));
        error("TypeError: 'float' object cannot be interpreted as an integer", () -> Expect.callMethod(list, "pop", args(1.5)));
        error("TypeError: 'str' object cannot be interpreted as an integer", () -> Expect.callMethod(list, "insert", args("a", 1L)));
        assertEquals("<method append of list>", Values.str(Methods.getAttribute(list, "append")));
        error("TypeError: 'list' object has no attribute 'length'", () -> Methods.getAttribute(list, "length"));
    }

    @Test
    void sliceConcatRepeat() {
        ToyList list = ToyList.of(1L, 2L, 3L, 4L);
        assertEquals("[2, 3]", list.slice(1, 3).str());
        assertEquals("[3, 4]", list.slice(-2, Long.MAX_VALUE).str());
        assertEquals("[1, 2]", list.slice(-10, 2).str());
        assertEquals("[]", list.slice(3, 1).str());
        assertEquals("[1, 2, 3, 4, 5]", list.concat(ToyList.of(5L)).str());
        assertEquals("[1, 2, 3, 4, 1, 2, 3, 4]", list.repeat(2).str());
        assertEquals("[]", list.repeat(-1).str());
        assertArrayEquals(new Object[] {1L, 2L, 3L, 4L}, list.toArray());
    }

    @Test
    void ofCopiesItsArgument() {
        Object[] values = {1L, 2L};
        ToyList list = ToyList.of(values);
        values[0] = "changed";
        assertEquals(1L, list.get(0));
    }

    @Test
    void aListBeingSortedLooksEmptyAndAChangeToItIsDropped() {
        ToyList list = ToyList.of(3L, 1L, 2L);
        List<String> seen = new ArrayList<>();
        Caller key = (callee, args) -> {
            seen.add(list.str());
            list.add(9L);
            return args[0];
        };
        Keywords keywords = new Keywords(new String[] {"key"}, new Object[] {"key"});
        error("ValueError: list modified during sort", () -> Methods.callMethod(key, list, "sort", args(), keywords));
        assertEquals(List.of("[]", "[9]", "[9, 9]"), seen);
        assertEquals("[1, 2, 3]", list.str());
    }

    @Test
    void aSortThatFailsPutsTheListBackAsItWas() {
        ToyList list = ToyList.of(3L, 1L, 2L);
        Caller key = (callee, args) -> {
            list.add(9L);
            return args[0] == (Object) 1L ? "one" : args[0];
        };
        Keywords keywords = new Keywords(new String[] {"key"}, new Object[] {"key"});
        error("TypeError: '<' not supported between instances of 'str' and 'int'",
                () -> Methods.callMethod(key, list, "sort", args(), keywords));
        assertEquals("[3, 1, 2]", list.str());
    }

    @Test
    void concurrentAppendsAreNeverLost() throws InterruptedException {
        // Threads without a GIL, as under --gil off, which turns locking on the same way.
        ContainerLocks.require();
        ToyList list = new ToyList();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (long i = 0; i < 10_000; i++) {
                    list.add(i);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(40_000, list.size());
    }
}
