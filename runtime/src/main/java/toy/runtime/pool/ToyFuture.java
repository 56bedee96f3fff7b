package toy.runtime.pool;

import toy.runtime.Arity;
import toy.runtime.HasMethods;
import toy.runtime.MethodTable;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.ToyObject;
import toy.runtime.Values;
import toy.runtime.threads.Scheduler;
import toy.runtime.threads.ThreadState;
import toy.runtime.threads.WaitArguments;

/**
 * A task's outcome to come, as Python's {@code concurrent.futures.Future}: {@code result(timeout?)}
 * waits for it (with the GIL released, so other threads run) and {@code done()} says whether it
 * is there. The pool's reader thread completes it and wakes the program's waiters.
 */
public final class ToyFuture implements ToyObject, HasMethods {
    private static final MethodTable<ToyFuture> METHODS = new MethodTable<ToyFuture>()
            .add("result", (f, caller, args, keywords) -> {
                keywords.allowOnly("result", "timeout");
                Arity.takes("Future.result", 0, 1).check(args.length);
                Object timeout = args.length > 0 ? args[0] : keywords.get("timeout");
                return f.result(WaitArguments.waitTimeout(timeout));
            })
            .add("done", Arity.takes("Future.done", 0, 0), (f, args) -> f.done);
    private final Scheduler scheduler;
    private final String what;
    private volatile boolean done;
    private Object value;
    /** The error to raise: its kind, message and the worker's report ("" for none), made anew each time it is raised. */
    private String errorKind;
    private String errorMessage;
    private String errorCause;

    /** {@code what} names the call for waits and reports: "f() in Pool worker 1". */
    ToyFuture(Scheduler scheduler, String what) {
        this.scheduler = scheduler;
        this.what = what;
    }

    void succeed(Object result) {
        value = result;
        complete();
    }

    /** Fails with an error; {@code cause} is the worker's report of it, or "" when the parent made it. */
    void fail(String kind, String message, String cause) {
        errorKind = kind;
        errorMessage = message;
        errorCause = cause;
        complete();
    }

    /** True once the future holds an error. */
    boolean failed() {
        return done && errorKind != null;
    }

    private void complete() {
        done = true;
        scheduler.changed();
    }

    public boolean isDone() {
        return done;
    }

    /**
     * The task's value, or its error raised again; waits first, at most {@code timeoutNanos}
     * (negative: for ever), then raises TimeoutError.
     */
    public Object result(long timeoutNanos) {
        if (!done) {
            scheduler.awaitOutside(ThreadState.current(), "wait for " + what, timeoutNanos, () -> done);
        }
        if (!done) {
            throw new ToyError("TimeoutError", "the result of " + what + " was not ready within the timeout");
        }
        if (errorKind != null) {
            // A fresh error each time: raising one collects the traceback of where it is raised.
            throw new ToyError(errorKind, errorMessage).causedBy(errorCause);
        }
        return value;
    }

    @Override
    public MethodTable<?> methods() {
        return METHODS;
    }

    @Override
    public String typeName() {
        return "Future";
    }

    @Override
    public String str() {
        return "<Future " + what + (done ? errorKind != null ? " raised " + errorKind : " done" : " pending") + ">";
    }
}
