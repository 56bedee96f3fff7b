package toy.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The error kinds of LANGUAGE.md section 6, each a builtin that makes an Error of its kind:
 * {@code raise ValueError("bad")}. {@code KeyError(k)}'s message is k's repr, as the VM's own
 * KeyErrors say it; the others take a str (or any value, shown as str) or nothing.
 */
public final class ErrorKinds {
    /** The kinds' names: also the names of their builtins. */
    public static final List<String> KINDS = List.of("Error", "TypeError", "NameError", "IndexError", "KeyError",
            "ValueError", "ZeroDivisionError", "OverflowError", "RecursionError", "AssertionError", "RuntimeError",
            "MemoryError", "TimeoutError", "Empty", "Full", "DeadlockError", "WorkerError");

    private ErrorKinds() {
    }

    /** A builtin per kind, in the order of {@link #KINDS}. */
    public static List<Builtin> all() {
        List<Builtin> builtins = new ArrayList<>();
        for (String kind : KINDS) {
            builtins.add(new Builtin(kind, 0, 1, a -> {
                String message = a.length == 0 ? "" : kind.equals("KeyError") ? Values.repr(a[0]) : Values.str(a[0]);
                return new ToyError(kind, message);
            }));
        }
        return builtins;
    }
}
