package toy.runtime.pool;

/**
 * Who the running process is among the processes of one program (LANGUAGE.md section 8): what
 * {@code worker_index()}, {@code worker_count()} and {@code is_main()} answer.
 *
 * @param index       0-based: the worker's index in its pool, or k under {@code toy launch}
 * @param count       the pool's size, or N under {@code toy launch}; 1 under {@code toy run}
 * @param poolWorker  true in a pool worker: {@code is_main()} is false and {@code Pool()} is refused
 * @param launched    true in a process of {@code toy launch}
 */
public record ProcessRole(int index, int count, boolean poolWorker, boolean launched) {
    /** The one process of {@code toy run}. */
    public static final ProcessRole MAIN = new ProcessRole(0, 1, false, false);

    /** Process k of N under {@code toy launch}: a main program. */
    public static ProcessRole launched(int k, int n) {
        return new ProcessRole(k, n, false, true);
    }

    /** Worker {@code index} of a pool of {@code count}. */
    public static ProcessRole worker(int index, int count) {
        return new ProcessRole(index, count, true, false);
    }

    /**
     * Whether standard input is the user's: a pool worker's is its channel to the parent, and a
     * launched process's the pipe by which it notices its parent's end. Where it is not,
     * {@code input()} finds no input (nil), as a Python worker process reads from /dev/null.
     */
    public boolean readsUserInput() {
        return !poolWorker && !launched;
    }
}
