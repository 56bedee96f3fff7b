package toy.runtime;

/** A value usable in a {@code with} block (Lock, Semaphore): entered before the block, exited after it, even on error. */
public interface Resource {
    void enter();

    void exit();
}
