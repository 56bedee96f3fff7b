package toy.runtime;

/**
 * Whether {@link ToyList} and {@link ToyMap} lock their monitor for each operation.
 *
 * <p>Under a GIL they need not: only the thread holding the GIL runs bytecode or a builtin,
 * the GIL changes hands only between two instructions or inside a wait (never while a
 * container operation is half done: no container method waits, and none runs Toy code while
 * its state is half changed; {@code list.sort} with a key sorts a snapshot and stores the
 * result in one step), and each handover is a release and an acquire of the GIL's lock, which
 * orders the memory effects of one holder before the next. An uncontended {@code synchronized}
 * is still an atomic compare-and-swap on JDK 17 (biased locking is gone), paid on every
 * {@code xs[i]} and {@code m[k]}.
 *
 * <p>Without a GIL ({@code --gil off}) threads run in parallel and every operation locks. The
 * switch only ever turns on: a {@link toy.runtime.threads.Gil} of policy OFF turns it on when
 * it is made, before any Toy thread of its program runs, and it stays on for the rest of the
 * JVM (tests run programs of both kinds in one JVM; locking when it is not needed is only
 * slower). Java code that shares a container between threads without a GIL calls
 * {@link #require()} first.
 */
public final class ContainerLocks {
    private static volatile boolean required;

    private ContainerLocks() {
    }

    /** True once threads may use containers in parallel: every container operation then locks. */
    public static boolean required() {
        return required;
    }

    /** From now on containers lock; call before the threads that share them start. */
    public static void require() {
        required = true;
    }
}
