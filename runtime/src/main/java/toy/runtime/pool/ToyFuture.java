package toy.runtime.pool;

import toy.runtime.Arity;
import toy.runtime.BoundMethod;
import toy.runtime.Members;
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
public final class ToyFuture implements ToyObject, Members {
    private static final Arity RESULT = Arity.takes("Future.result", 0, 1);
    private static final Arity DONE = Arity.takes("Future.done", 0, 0);
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
    public Object getAttribute(String name) {
        return switch (name) {
            case "result", "done" -> new BoundMethod(this, name);
            default -> null;
        };
    }

    @Override
    public Object callMethod(String name, Object[] args) {
        switch (name) {
            case "result" -> {
                RESULT.check(args.length);
                return result(args.length == 0 ? Scheduler.FOREVER : WaitArguments.timeout(args[0]));
            }
            case "done" -> {
                DONE.check(args.length);
                return done;
            }
            default -> {
                return null;
            }
        }
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
