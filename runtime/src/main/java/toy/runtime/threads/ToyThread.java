package toy.runtime.threads;

import java.util.function.Consumer;
import java.util.function.Supplier;
import toy.runtime.Arity;
import toy.runtime.HasMethods;
import toy.runtime.Members;
import toy.runtime.MethodTable;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.ToyObject;

/**
 * A Toy thread: a JVM platform thread that takes the GIL, runs a function and records its
 * result or error for {@code join()}. An error is reported on stderr at once, as Python does.
 */
public final class ToyThread implements ToyObject, Members, HasMethods {
    private static final MethodTable<ToyThread> METHODS = new MethodTable<ToyThread>()
            .add("join", (t, caller, args, keywords) -> {
                Object[] given = WaitArguments.positional("join", args, keywords, "timeout");
                return t.join(WaitArguments.waitTimeout(given[0]));
            })
            .add("is_alive", Arity.takes("Thread.is_alive", 0, 0), (t, args) -> !t.done);

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
            scheduler.abort(new Aborted(Aborted.Cause.INTERNAL_ERROR, Aborted.ERROR_STATUS, ""));
        } finally {
            done = true;
            state.gil.releaseAtEnd(state);
            scheduler.finished(state);
        }
    }

    public ThreadState state() {
        return state;
    }

    /**
     * Waits, at most {@code timeoutNanos} ({@link Scheduler#FOREVER}: no limit), for the thread
     * to end; its result, or its error raised again; nil when the timeout ran out first.
     */
    public Object join(long timeoutNanos) {
        ThreadState me = ThreadState.current();
        if (me == state) {
            throw ToyError.valueError("cannot join the current thread");
        }
        if (!state.scheduler.await(me, () -> "join " + state.name, null, timeoutNanos, () -> done)) {
            return Nil.NIL;
        }
        if (error != null) {
            throw error;
        }
        return result;
    }

    @Override
    public Object getAttribute(String name) {
        return name.equals("name") ? state.name : null;
    }

    @Override
    public Object callMethod(String name, Object[] args) {
        return null;
    }

    @Override
    public MethodTable<?> methods() {
        return METHODS;
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
