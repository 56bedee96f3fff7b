package toy.interpreter.repl;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import toy.runtime.ToyError;
import toy.runtime.threads.Scheduler;
import toy.runtime.threads.ThreadState;

/**
 * Reads the REPL's lines on a daemon thread of its own while the Toy thread that asked waits
 * in the scheduler with the GIL released ({@link Scheduler#awaitOutside}, as for a pool
 * worker's reply): the threads spawned at the REPL run on while it waits for a line, the wait
 * never counts towards a deadlock, and an {@code exit()} in another thread ends the wait.
 */
public final class InputThread {
    /** What a read gave instead of a line. */
    public enum Event { END_OF_INPUT, CANCELLED }

    private final LineSource source;
    private final Scheduler scheduler;
    private final BlockingQueue<String> prompts = new LinkedBlockingQueue<>();
    /** A String, an {@link Event}, or the IOException that ended the input; read under the scheduler's monitor. */
    private volatile Object answer;
    /** A prompt was handed to the reader and its answer not yet taken (Ctrl-C ended the wait for it). */
    private boolean asked;

    public InputThread(LineSource source, Scheduler scheduler) {
        this.source = source;
        this.scheduler = scheduler;
        Thread reader = new Thread(this::serve, "toy-repl-input");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Shows {@code prompt} and returns the line typed (a String) or an {@link Event}; the
     * calling Toy thread gives the GIL up until then. Throws a ToyError when the input cannot
     * be read, and the scheduler's {@code Aborted} when the run is stopped meanwhile. Throws
     * KeyboardInterrupt when Ctrl-C comes while it waits and the line source did not take it
     * (a plain read cannot be cancelled): the reader goes on reading, and the line it reads
     * is the next call's answer, under the prompt it has already shown.
     */
    public Object read(String prompt) {
        if (!asked) {
            answer = null;
            prompts.add(prompt);
            asked = true;
        }
        scheduler.awaitOutside(ThreadState.current(), "read a line at the REPL", Scheduler.FOREVER, () -> answer != null);
        asked = false;
        Object got = answer;
        if (got instanceof IOException e) {
            answer = got;
            throw new ToyError("RuntimeError", "cannot read standard input: " + e.getMessage());
        }
        return got;
    }

    private void serve() {
        try {
            for (;;) {
                String prompt = prompts.take();
                Object got;
                try {
                    String line = source.readLine(prompt);
                    got = line == null ? Event.END_OF_INPUT : line;
                } catch (LineSource.Cancelled e) {
                    got = Event.CANCELLED;
                } catch (IOException e) {
                    got = e;
                }
                answer = got;
                scheduler.changed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
