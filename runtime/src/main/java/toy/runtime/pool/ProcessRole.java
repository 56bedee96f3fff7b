package toy.runtime.pool;

/**
 * Who the running process is among the processes of one program (LANGUAGE.md section 8): what
 * {@code worker_index()}, {@code worker_count()} and {@code is_main()} answer.
 *
 * @param index       0-based: the worker's index in its pool, or k under {@code toy launch}
 * @param count       the pool's size, or N under {@code toy launch}; 1 under {@code toy run}
 * @param poolWorker  true in a pool worker: {@code is_main()} is false and {@code Pool()} is refused
 */
public record ProcessRole(int index, int count, boolean poolWorker) {
    /** The one process of {@code toy run}. */
    public static final ProcessRole MAIN = new ProcessRole(0, 1, false);

    /** Process k of N under {@code toy launch}: a main program. */
    public static ProcessRole launched(int k, int n) {
        return new ProcessRole(k, n, false);
    }

    /** Worker {@code index} of a pool of {@code count}. */
    public static ProcessRole worker(int index, int count) {
        return new ProcessRole(index, count, true);
    }
}
