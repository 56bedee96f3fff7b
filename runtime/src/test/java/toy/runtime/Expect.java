package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Shared assertions for the runtime's tests. */
final class Expect {
    private Expect() {
    }

    /** Asserts that running code raises a Toy error printed exactly as {@code "Kind: message"}. */
    static void error(String expected, Executable code) {
        ToyError e = assertThrows(ToyError.class, code);
        assertEquals(expected, e.str());
    }

    static Object[] args(Object... values) {
        return values;
    }

    /** For code that never calls back into Toy code. */
    static final Caller CALLER = (callee, args) -> {
        throw new AssertionError("unexpected call of " + Values.str(callee));
    };

    /** {@code receiver.name(args)} with no keywords. */
    static Object callMethod(Object receiver, String name, Object[] args) {
        return Methods.callMethod(CALLER, receiver, name, args, Keywords.NONE);
    }
}
