package toy.runtime.pool;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import toy.runtime.TracebackEntry;
import toy.runtime.threads.Gil;
import toy.runtime.threads.Scheduler;
import toy.runtime.threads.ThreadState;

/**
 * What a {@link Pool} needs around it in a test, without the interpreter: a scheduler and a GIL
 * for one program whose MainThread is the test's own thread, and a {@link Pool.Host} whose
 * workers are any command (a shell one-liner, a {@link ScriptedWorker}) and whose functions
 * are named by strings.
 */
final class TestProgram {
    final Scheduler scheduler = new Scheduler();
    private final Gil gil = new Gil(Gil.Policy.HANDOFF, scheduler);

    interface Body {
        void run() throws Exception;
    }

    /** Runs body as the program's MainThread, holding the GIL (on the calling thread). */
    void asMainThread(Body body) throws Exception {
        scheduler.setGil(gil);
        ThreadState main = scheduler.register("MainThread", () -> new TracebackEntry("t.toy", 1, "<main>"));
        main.bindToCurrentThread();
        gil.acquire(main);
        try {
            body.run();
        } finally {
            gil.releaseAtEnd(main);
            scheduler.finished(main);
        }
    }

    /**
     * A host whose worker k (of a pool of n) runs {@code command.apply(k)}, whose workers' stdout
     * and stderr lines go to out and err, and whose function values are their own names.
     */
    Pool.Host host(IntFunction<List<String>> command, Consumer<String> out, Consumer<String> err) {
        PoolActivity activity = new PoolActivity();
        return new Pool.Host() {
            @Override
            public List<String> workerCommand(int index, int count) {
                return command.apply(index);
            }

            @Override
            public void out(String line) {
                out.accept(line);
            }

            @Override
            public void err(String line) {
                err.accept(line);
            }

            @Override
            public String functionName(Object function) {
                return (String) function;
            }

            @Override
            public Scheduler scheduler() {
                return scheduler;
            }

            @Override
            public PoolActivity activity() {
                return activity;
            }
        };
    }
}
