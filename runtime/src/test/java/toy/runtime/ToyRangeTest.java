package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static toy.runtime.Expect.error;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToyRangeTest {
    private static List<Long> items(ToyRange r) {
        List<Long> out = new ArrayList<>();
        for (RangeIterator it = r.iterator(); it.hasNext();) {
            out.add(it.nextLong());
        }
        return out;
    }

    @Test
    void lengthAndItems() {
        assertEquals(3, new ToyRange(0, 3, 1).length());
        assertEquals(5, new ToyRange(0, 10, 2).length());
        assertEquals(4, new ToyRange(10, 0, -3).length());
        assertEquals(0, new ToyRange(5, 1, 1).length());
        assertEquals(List.of(10L, 7L, 4L, 1L), items(new ToyRange(10, 0, -3)));
        assertEquals(List.of(), items(new ToyRange(0, 0, 1)));
        error("ValueError: range() arg 3 must not be zero", () -> new ToyRange(0, 1, 0));
    }

    @Test
    void indexing() {
        ToyRange r = new ToyRange(0, 10, 2);
        assertEquals(0, r.get(0));
        assertEquals(8, r.get(4));
        assertEquals(8, r.get(-1));
        assertEquals(0, r.get(-5));
        error("IndexError: range object index out of range", () -> r.get(5));
        error("IndexError: range object index out of range", () -> r.get(-6));
        error("IndexError: range object index out of range", () -> r.get(Long.MIN_VALUE));
    }

    @Test
    void rangesLongerThanALong() {
        ToyRange all = new ToyRange(Long.MIN_VALUE, Long.MAX_VALUE, 1);
        error("OverflowError: integer overflow", all::length);
        assertFalse(all.isEmpty());
        assertEquals(Long.MAX_VALUE - 1, all.get(-1));
        assertEquals(Long.MIN_VALUE, all.get(0));
        assertEquals(-1L, all.get(Long.MAX_VALUE));
        assertTrue(all.containsValue(0L));
    }

    @Test
    void iterationStopsAtTheEndsOfLong() {
        assertEquals(List.of(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1), items(new ToyRange(Long.MAX_VALUE - 2, Long.MAX_VALUE, 1)));
        assertEquals(List.of(0L, Long.MAX_VALUE / 2 + 1), items(new ToyRange(0, Long.MAX_VALUE, Long.MAX_VALUE / 2 + 1)));
        assertEquals(List.of(Long.MIN_VALUE + 1), items(new ToyRange(Long.MIN_VALUE + 1, Long.MIN_VALUE, -1)));
        assertEquals(List.of(-5L), items(new ToyRange(-5, Long.MIN_VALUE, Long.MIN_VALUE)));
        assertEquals(List.of(5L, Long.MIN_VALUE + 5), items(new ToyRange(5, Long.MIN_VALUE, Long.MIN_VALUE)));
    }

    @Test
    void membershipInConstantTime() {
        ToyRange big = new ToyRange(0, 1_000_000_000_000L, 7);
        assertTrue(big.containsValue(700_000_000_000L));
        assertFalse(big.containsValue(700_000_000_001L));
        assertFalse(big.containsValue(-7L));
        assertTrue(big.containsValue(14.0));
        assertFalse(big.containsValue(14.5));
        assertFalse(big.containsValue(true));
        ToyRange down = new ToyRange(10, 0, -3);
        assertTrue(down.containsValue(1L));
        assertFalse(down.containsValue(0L));
        assertFalse(down.containsValue(10.5));
    }

    @Test
    void printingAndSlicing() {
        assertEquals("range(0, 3)", new ToyRange(0, 3, 1).str());
        assertEquals("range(0, 10, 2)", new ToyRange(0, 10, 2).str());
        assertEquals("range(2, 5)", new ToyRange(0, 10, 1).slice(2, 5).str());
        assertEquals("range(3, 12, 3)", new ToyRange(0, 10, 3).slice(1, Long.MAX_VALUE).str());
        assertEquals("range(7, 10)", new ToyRange(0, 10, 1).slice(-3, Long.MAX_VALUE).str());
        assertEquals("range(5, 5)", new ToyRange(0, 10, 1).slice(5, 2).str());
    }

    @Test
    void sameSequence() {
        assertTrue(new ToyRange(0, 3, 2).sameSequence(new ToyRange(0, 4, 2)));
        assertTrue(new ToyRange(0, 1, 5).sameSequence(new ToyRange(0, 1, 7)));
        assertTrue(new ToyRange(3, 3, 1).sameSequence(new ToyRange(9, 1, 2)));
        assertFalse(new ToyRange(0, 3, 1).sameSequence(new ToyRange(1, 4, 1)));
    }
}
