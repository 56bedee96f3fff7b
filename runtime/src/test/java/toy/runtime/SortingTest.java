package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static toy.runtime.Expect.error;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortingTest {
    /** A key function that records its calls: the first item of each pair. */
    private static final class FirstOfPair implements Caller {
        final List<Object> calls = new ArrayList<>();

        @Override
        public Object call(Object callee, Object[] args) {
            calls.add(args[0]);
            return ((ToyList) args[0]).get(0);
        }
    }

    private static Object[] pairs() {
        return new Object[] {ToyList.of(2L, "a"), ToyList.of(1L, "b"), ToyList.of(2L, "c"), ToyList.of(1L, "d")};
    }

    @Test
    void isStableAndCallsTheKeyOncePerItemInOrder() {
        FirstOfPair key = new FirstOfPair();
        Object[] items = pairs();
        Object[] sorted = Sorting.sorted(key, items, "key", false);
        assertEquals("[[1, \"b\"], [1, \"d\"], [2, \"a\"], [2, \"c\"]]", Values.str(ToyList.of(sorted)));
        assertEquals(List.of(items), key.calls);
    }

    @Test
    void reverseKeepsEqualItemsInTheirOriginalOrder() {
        Object[] sorted = Sorting.sorted(new FirstOfPair(), pairs(), "key", true);
        assertEquals("[[2, \"a\"], [2, \"c\"], [1, \"b\"], [1, \"d\"]]", Values.str(ToyList.of(sorted)));
    }

    @Test
    void longListsAreSortedStablyToo() {
        Object[] items = new Object[500];
        for (int i = 0; i < items.length; i++) {
            items[i] = ToyList.of((long) (i * 7919 % 13), (long) i);
        }
        Object[] sorted = Sorting.sorted(new FirstOfPair(), items, "key", false);
        for (int i = 1; i < sorted.length; i++) {
            ToyList a = (ToyList) sorted[i - 1];
            ToyList b = (ToyList) sorted[i];
            long ka = (Long) a.get(0);
            long kb = (Long) b.get(0);
            boolean ordered = ka < kb || ka == kb && (Long) a.get(1) < (Long) b.get(1);
            assertEquals(true, ordered, "items " + (i - 1) + " and " + i);
        }
    }

    @Test
    void unorderableItemsNameThePairCPythonNames() {
        // CPython: sorted([2.5, "b", 1]) first compares "b" < 2.5; reversed, 1 < 2.5 then "b" < 1.
        error("TypeError: '<' not supported between instances of 'str' and 'float'",
                () -> Sorting.sorted(Expect.CALLER, new Object[] {2.5, "b", 1L}, Nil.NIL, false));
        error("TypeError: '<' not supported between instances of 'str' and 'int'",
                () -> Sorting.sorted(Expect.CALLER, new Object[] {2.5, "b", 1L, 2.5}, Nil.NIL, true));
    }
}
