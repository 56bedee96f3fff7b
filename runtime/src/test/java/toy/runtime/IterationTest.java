package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static toy.runtime.Expect.error;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class IterationTest {
    private static List<Object> drain(ToyIterator it) {
        List<Object> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void listSeesItemsAppendedDuringTheLoop() {
        ToyList list = ToyList.of(1L, 2L);
        List<Object> seen = new ArrayList<>();
        for (ToyIterator it = Iteration.iterator(list); it.hasNext();) {
            Object x = it.next();
            seen.add(x);
            if (x.equals(1L)) {
                list.add(3L);
            }
        }
        assertEquals(List.of(1L, 2L, 3L), seen);
    }

    @Test
    void stringByCodePoint() {
        assertEquals(List.of("h", "😀", "é"), drain(Iteration.iterator("h😀é")));
        assertEquals(List.of(), drain(Iteration.iterator("")));
        assertEquals(List.of("\u00ff", "\u0100", "\ud800", "x"), drain(Iteration.iterator("\u00ff\u0100\ud800x")));
        assertSame(drain(Iteration.iterator("\u00e9")).get(0), drain(Iteration.iterator("a\u00e9")).get(1),
                "Latin-1 characters are made once");
    }

    @Test
    void mapKeysAsASnapshot() {
        ToyMap m = new ToyMap();
        m.put("a", 1L);
        m.put(2L, 2L);
        ToyIterator it = Iteration.iterator(m);
        m.put("late", 3L);
        assertEquals(List.of("a", 2L), drain(it));
    }

    @Test
    void rangeGivesARangeIterator() {
        ToyIterator it = Iteration.iterator(new ToyRange(0, 6, 2));
        RangeIterator r = assertInstanceOf(RangeIterator.class, it);
        assertEquals(0L, r.nextLong());
        assertEquals(List.of(2L, 4L), drain(r));
        assertFalse(r.hasNext());
        assertThrows(NoSuchElementException.class, r::nextLong);
    }

    @Test
    void otherValuesAreNotIterable() {
        error("TypeError: 'int' object is not iterable", () -> Iteration.iterator(1L));
        error("TypeError: 'nil' object is not iterable", () -> Iteration.iterator(Nil.NIL));
        error("TypeError: 'builtin' object is not iterable", () -> Iteration.iterator(CoreBuiltins.all().get(0)));
    }
}
