package toy.interpreter.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What must still happen when the run is ended from outside: by Ctrl-C ({@link Main} halts the
 * JVM, so no shutdown hook runs), or by SIGTERM or SIGHUP (the JVM runs its shutdown hooks,
 * {@link Main}'s among them, then ends): completing the output files of {@code --trace},
 * {@code --stats-json} and {@code --timeline}, so that what was observed up to then is not lost.
 */
final class OnInterrupt {
    /**
     * How long, in ms, the process waits for the actions before it ends anyway: they take
     * milliseconds, unless an output is stuck (a stderr that nobody reads); then the files
     * stay as they are rather than the process not ending.
     */
    private static final long GRACE_MILLIS = 5_000;
    private static final List<Runnable> ACTIONS = new CopyOnWriteArrayList<>();

    private OnInterrupt() {
    }

    static void add(Runnable action) {
        ACTIONS.add(action);
    }

    static void remove(Runnable action) {
        ACTIONS.remove(action);
    }

    /**
     * Runs every action added and not removed, on a thread of their own, waiting for them at
     * most {@link #GRACE_MILLIS}; one that fails does not stop the others. With none (the run
     * is not observed, or has ended), returns at once.
     */
    static void runAll() {
        if (ACTIONS.isEmpty()) {
            return;
        }
        runBriefly("toy-on-interrupt", GRACE_MILLIS, () -> {
            for (Runnable action : ACTIONS) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // The run is being ended: there is no one left to tell.
                }
            }
        });
    }

    /**
     * Runs task on a daemon thread named {@code name} and waits for it at most {@code millis}
     * ms: at the end of a run a task may be stuck writing to a pipe nobody reads, and the
     * process must end all the same.
     */
    static void runBriefly(String name, long millis, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
