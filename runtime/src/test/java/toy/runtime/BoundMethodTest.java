package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static toy.runtime.Expect.args;
import static toy.runtime.Expect.error;

import org.junit.jupiter.api.Test;

class BoundMethodTest {
    @Test
    void callsTheMethodOnItsReceiverLater() {
        ToyMap m = new ToyMap();
        BoundMethod keys = new BoundMethod(m, "keys");
        m.put("k", 1L);
        assertEquals("[\"k\"]", Values.str(keys.call(Expect.CALLER, args(), Keywords.NONE)));
        assertSame(m, keys.receiver());
        assertEquals("keys", keys.name());
        error("TypeError: map.keys() takes no arguments (1 given)", () -> keys.call(Expect.CALLER, args(1L), Keywords.NONE));
    }

    @Test
    void isABuiltinValue() {
        BoundMethod pop = new BoundMethod(new ToyList(), "pop");
        assertEquals("builtin", Values.typeName(pop));
        assertEquals("<method pop of list>", Values.str(pop));
        assertEquals("[<method pop of list>]", Values.str(ToyList.of(pop)));
        error("IndexError: pop from empty list", () -> pop.call(Expect.CALLER, args(), Keywords.NONE));
    }
}
