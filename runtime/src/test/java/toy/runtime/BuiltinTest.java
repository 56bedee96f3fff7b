package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static toy.runtime.Expect.args;
import static toy.runtime.Expect.error;

import org.junit.jupiter.api.Test;

class BuiltinTest {
    @Test
    void checksTheCountThenRunsTheBody() {
        Builtin count = new Builtin("count", 0, -1, a -> (long) a.length);
        assertEquals(0L, count.call(Expect.CALLER, args()));
        assertEquals(3L, count.call(Expect.CALLER, args(1L, 2L, 3L)));
        Builtin one = new Builtin("one", 1, 1, a -> a[0]);
        assertEquals("x", one.call(Expect.CALLER, args("x")));
        error("TypeError: one() takes exactly one argument (2 given)", () -> one.call(Expect.CALLER, args(1L, 2L)));
        Builtin ranged = new Builtin("ranged", Arity.expects("ranged", 1, 3), a -> Nil.NIL);
        error("TypeError: ranged expected at least 1 argument, got 0", () -> ranged.call(Expect.CALLER, args()));
    }

    @Test
    void isAValue() {
        Builtin len = new Builtin("len", 1, 1, a -> 0L);
        assertEquals("len", len.name());
        assertEquals("builtin", len.typeName());
        assertEquals("<builtin len>", Values.str(len));
        assertEquals("[<builtin len>]", Values.str(ToyList.of(len)));
    }
}
