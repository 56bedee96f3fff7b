package toy.interpreter.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What must still happen when Ctrl-C ends the run at once ({@link Main} halts the JVM, so no
 * shutdown hook runs): completing the output files of {@code --trace}, {@code --stats-json}
 * and {@code --timeline}, so that what was observed up to the interrupt is not lost.
 */
final class OnInterrupt {
    private static final List<Runnable> ACTIONS = new CopyOnWriteArrayList<>();

    private OnInterrupt() {
    }

    static void add(Runnable action) {
        ACTIONS.add(action);
    }

    static void remove(Runnable action) {
        ACTIONS.remove(action);
    }

    /** Runs every action added and not removed; one that fails does not stop the others. */
    static void runAll() {
        for (Runnable action : ACTIONS) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // The run is being interrupted: there is no one left to tell.
            }
        }
    }
}
