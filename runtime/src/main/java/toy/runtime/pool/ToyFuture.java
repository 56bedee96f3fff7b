package toy.runtime.pool;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import toy.runtime.Arity;
import toy.runtime.BoundMethod;
import toy.runtime.Members;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.ToyObject;
import toy.runtime.Values;
import toy.runtime.threads.Scheduler;
import toy.runtime.threads.ThreadState;

/**
 * A task's outcome to come, as Python's {@code concurrent.futures.Future}: {@code result(timeout?)}
 * waits for it (with the GIL released, so other threads run) and {@code done()} says whether it
 * is there. The pool's reader thread completes it and wakes the program's waiters.
 */
public final class ToyFuture implements ToyObject, Members {
    private static final Arity RESULT = Arity.takes("Future.result", 0, 1);
    private static final Arity DONE = Arity.takes("Future.done", 0, 0);
    /** Wakes waiters whose timeout ran out: a timeout is an event from outside the program, like a reply. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "future-timeouts");
        t.setDaemon(true);
        return t;
    });

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
            await(ThreadState.current(), scheduler, what, timeoutNanos, () -> done);
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

    /** Waits through the scheduler until ready, or until timeoutNanos (negative: no limit) have passed. */
    static void await(ThreadState me, Scheduler scheduler, String what, long timeoutNanos,
            BooleanSupplier ready) {
        if (timeoutNanos < 0) {
            scheduler.awaitOutside(me, "wait for " + what, ready);
            return;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        ScheduledFuture<?> alarm = TIMER.schedule(scheduler::changed, timeoutNanos, TimeUnit.NANOSECONDS);
        try {
            scheduler.awaitOutside(me, "wait for " + what, () -> ready.getAsBoolean() || System.nanoTime() - deadline >= 0);
        } finally {
            alarm.cancel(false);
        }
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
                return result(args.length == 0 || args[0] == Nil.NIL ? -1 : timeoutNanos(args[0]));
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

    /** A timeout in seconds (int or float, at least 0), as Python's, in ns. */
    static long timeoutNanos(Object seconds) {
        double s;
        if (seconds instanceof Long l) {
            s = l;
        } else if (seconds instanceof Double d) {
            s = d;
        } else {
            throw ToyError.typeError("timeout must be a number of seconds, not '" + Values.typeName(seconds) + "'");
        }
        if (!(s >= 0)) {
            throw ToyError.valueError("timeout must be non-negative");
        }
        return (long) Math.min(s * 1e9, Long.MAX_VALUE / 2);
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
