package toy.runtime.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * The pools one program made, so that its end can shut them down (LANGUAGE.md section 8: a pool
 * still open when the script ends is shut down then; after an error, {@code exit()} or a
 * deadlock no worker outlives the program), and what they did, for {@code --stats}.
 */
public final class Pools {
    private final List<Pool> pools = new ArrayList<>();
    private final PoolActivity activity = new PoolActivity();

    public PoolActivity activity() {
        return activity;
    }

    public synchronized void add(Pool pool) {
        pools.add(pool);
    }

    /** At the normal end of the main thread: waits for every open pool's work, then for its workers to exit. */
    public void shutdownAll() {
        for (Pool pool : snapshot()) {
            if (!pool.isShutDown()) {
                pool.shutdown();
            }
        }
    }

    /** Ends every worker of every pool now and waits until the processes are gone. */
    public void stopAll() {
        for (Pool pool : snapshot()) {
            pool.stop();
        }
    }

    private synchronized List<Pool> snapshot() {
        return new ArrayList<>(pools);
    }
}
