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

    @Test
    void aBuiltinOfOneArgumentHasCodeForThatCall() {
        Builtin len = Builtin.ofOne("len", v -> (long) ((String) v).length());
        assertEquals(2L, len.call(Expect.CALLER, args("ab")));
        assertEquals(2L, len.oneArgument().call("ab"));
        error("TypeError: len() takes exactly one argument (0 given)", () -> len.call(Expect.CALLER, args()));
        error("TypeError: len() got an unexpected keyword argument 'x'",
                () -> len.call(Expect.CALLER, args("ab"), new Keywords(new String[] {"x"}, args(1L))));
        Builtin str = Builtin.ofOne("str", 0, a -> a.length == 0 ? "" : Values.str(a[0]), Values::str);
        assertEquals("", str.call(Expect.CALLER, args()));
        assertEquals("7", str.call(Expect.CALLER, args(7L)));
        assertEquals("7", str.oneArgument().call(7L));
        error("TypeError: str() takes at most 1 argument (2 given)", () -> str.call(Expect.CALLER, args(1L, 2L)));
        assertEquals(null, new Builtin("one", 1, 1, a -> a[0]).oneArgument());
    }
}
