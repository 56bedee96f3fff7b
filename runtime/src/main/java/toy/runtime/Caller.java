package toy.runtime;

/**
 * Calls a Toy value (a function, builtin or bound method) from Java code, on the running
 * thread: builtins that take a function ({@code sorted(xs, key=f)}) call it through this, and
 * the VM implements it with the same call path its own CALL instruction uses.
 */
@FunctionalInterface
public interface Caller {
    /** Calls {@code callee} with positional arguments; errors propagate as {@link ToyError}. */
    Object call(Object callee, Object[] args);
}
