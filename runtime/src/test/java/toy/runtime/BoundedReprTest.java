package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Values#repr(Object, int)}: the repr a trace shows of a stack top, cut to a bound. */
class BoundedReprTest {
    @Test
    void shortValuesAreWhole() {
        assertEquals("42", Values.repr(42L, 10));
        assertEquals("\"abc\"", Values.repr("abc", 5));
    }

    @Test
    void longValuesAreCutWithAnEllipsis() {
        ToyList list = new ToyList();
        for (long i = 0; i < 100_000; i++) {
            list.add(i);
        }
        String repr = Values.repr(list, 20);
        assertEquals(20, repr.length());
        assertEquals("[0, 1, 2, 3, 4, 5...", repr);
        assertEquals("\"xxxxxx...", Values.repr("x".repeat(1000), 10));
    }
}
