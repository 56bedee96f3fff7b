package toy.runtime.threads;

import java.util.function.Consumer;
import java.util.function.Supplier;
import toy.runtime.Arity;
import toy.runtime.BoundMethod;
import toy.runtime.Members;
import toy.runtime.ToyError;
import toy.runtime.ToyObject;

/**
 * A Toy thread: a JVM platform thread that takes the GIL, runs a function and records its
 * result or error for {@code join()}. An error is reported on stderr at once, as Python does.
 */
public final class ToyThread implements ToyObject, Members {
    private static final Arity JOIN = Arity.takes("Thread.join", 0, 0);

    private final ThreadState state;
    private volatile boolean done;
    private Object result;
    private ToyError error;

    private ToyThread(ThreadState state) {
        this.state = state;
        state.thread = this;
    }

    /** The Thread value of a thread that already runs (MainThread). */
    public static ToyThread running(ThreadState state) {
        return new ToyThread(state);
    }

    /**
     * Starts a thread that runs {@code body} holding the GIL. {@code reportError} prints an
     * error the body raised.
     */
    public static ToyThread start(ThreadState state, Supplier<Object> body, Consumer<String> reportError) {
        ToyThread thread = new ToyThread(state);
        Thread jvmThread = new Thread(() -> thread.run(body, reportError), state.name);
        jvmThread.setDaemon(true);
        try {
            jvmThread.start();
        } catch (OutOfMemoryError e) {
            // The system refused another thread (Python raises the same).
            state.scheduler.finished(state);
            throw new ToyError("RuntimeError", "can't start new thread");
        }
        return thread;
    }

    private void run(Supplier<Object> body, Consumer<String> reportError) {
        state.bindToCurrentThread();
        Scheduler scheduler = state.scheduler;
        try {
            state.gil.acquire(state);
            result = body.get();
        } catch (ToyError e) {
            error = e;
            reportError.accept("Exception in thread " + state.name + ":\n" + e.formatTraceback());
        } catch (Aborted e) {
            // The run is ending; nothing to report from here.
        } catch (RuntimeException | Error e) {
            // A bug in Toy, not in the script: say so, not with a Java stack trace, and end the
            // run with the status an internal error on the main thread gets.
            reportError.accept(Aborted.internalError(" in " + state.name, e) + "\n");
            scheduler.abort(new Aborted(Aborted.ERROR_STATUS, ""));
        } finally {
            done = true;
            state.gil.releaseAtEnd(state);
            scheduler.finished(state);
        }
    }

    public ThreadState state() {
        return state;
    }

    /** Waits for the thread to end; its result, or its error raised again. */
    public Object join() {
        ThreadState me = ThreadState.current();
        if (me == state) {
            throw ToyError.valueError("cannot join the current thread");
        }
        state.scheduler.await(me, "join " + state.name, () -> done);
        if (error != null) {
            throw error;
        }
        return result;
    }

    @Override
    public Object getAttribute(String name) {
        return switch (name) {
            case "name" -> state.name;
            case "join" -> new BoundMethod(this, name);
            default -> null;
        };
    }

    @Override
    public Object callMethod(String name, Object[] args) {
        if (!name.equals("join")) {
            return null;
        }
        JOIN.check(args.length);
        return join();
    }

    @Override
    public String typeName() {
        return "Thread";
    }

    @Override
    public String str() {
        return "<Thread " + state.name + ">";
    }
}
