package toy.interpreter.vm;

import java.io.PrintStream;
import java.util.List;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;
import toy.runtime.BoundMethod;
import toy.runtime.Builtin;
import toy.runtime.MemoryReserve;
import toy.runtime.ToyError;
import toy.runtime.Values;
import toy.runtime.observe.Observer;
import toy.runtime.threads.Aborted;
import toy.runtime.threads.Gil;
import toy.runtime.threads.Scheduler;
import toy.runtime.threads.ThreadState;
import toy.runtime.threads.ToyThread;

/**
 * One running program: what its threads share (globals, output, the GIL, the scheduler) and
 * the services interpreters call out of line (calls to non-Toy functions, the interval
 * checkpoint, spawning threads).
 */
public final class Vm {
    /** CPython's default recursion limit. */
    public static final int DEFAULT_RECURSION_LIMIT = 1000;

    final Globals globals;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean flushEachLine;
    private final int recursionLimit;
    private final List<String> args;
    private final Scheduler scheduler = new Scheduler();
    private final Gil gil;

    /** Settings of a run, from the command line. */
    public record Options(int recursionLimit, Gil.Policy policy, SwitchInterval interval, List<String> args) {
    }

    public Vm(Globals globals, PrintStream out, PrintStream err, boolean flushEachLine, Options options) {
        this.globals = globals;
        this.out = out;
        this.err = err;
        this.flushEachLine = flushEachLine;
        this.recursionLimit = options.recursionLimit();
        this.args = List.copyOf(options.args());
        this.gil = new Gil(options.policy(), scheduler);
        scheduler.setGil(gil);
        options.interval().applyTo(gil);
        VmBuiltins.install(this);
        MemoryReserve.take();
    }

    public Globals globals() {
        return globals;
    }

    /**
     * Globals numbered as {@code toy run} numbers them (the builtins first), so that {@code toy
     * dis} shows the slots a run uses.
     */
    public static Globals globalsOfARun() {
        Globals globals = new Globals();
        new Vm(globals, System.out, System.err, false,
                new Options(DEFAULT_RECURSION_LIMIT, Gil.Policy.HANDOFF, SwitchInterval.DEFAULT, List.of()));
        return globals;
    }

    /** Observes the run (trace, stats, timeline); call before {@link #run}. */
    public void observe(Observer observer) {
        scheduler.observe(observer);
    }

    /** How many times the GIL changed hands so far. */
    public long handovers() {
        return gil.handovers();
    }

    /**
     * Runs a script's top-level code on the calling thread as MainThread, then waits for every
     * other thread. Reports an uncaught error or a deadlock on stderr; returns the exit status.
     */
    public int run(Code main) {
        Interpreter interpreter = new Interpreter(this);
        ThreadState state = scheduler.register("MainThread", interpreter::currentLocation);
        interpreter.bindThread(state);
        ToyThread.running(state);
        state.bindToCurrentThread();
        int status = 0;
        try {
            gil.acquire(state);
            try {
                interpreter.call(new Function(main, new Cell[0]), new Object[0]);
            } catch (ToyError e) {
                printError(e.formatTraceback());
                status = Aborted.ERROR_STATUS;
            }
            scheduler.await(state, "wait for the other threads to finish", scheduler::onlyOneLeft);
        } catch (ExitRequest e) {
            scheduler.abort(new Aborted(e.status(), ""));
            status = e.status();
        } catch (Aborted e) {
            printError(e.report());
            status = e.status();
        } finally {
            gil.releaseAtEnd(state);
            scheduler.finished(state);
            out.flush();
        }
        return status;
    }

    /**
     * Stops the run from outside its threads, as {@code exit(status)} would from inside: every
     * Toy thread stops at its next check (within one switch interval, or at once if it waits),
     * and {@link #run} returns {@code status}.
     */
    public void abort(int status) {
        scheduler.abort(new Aborted(status, ""));
    }

    int recursionLimit() {
        return recursionLimit;
    }

    Gil gil() {
        return gil;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    List<String> args() {
        return args;
    }

    /**
     * Writes one line of program output; a line is never split by another thread's. When
     * output goes out line by line and its reader has gone away, the whole run stops, quietly,
     * with {@link Aborted#PIPE_CLOSED_STATUS}, as a Unix tool that SIGPIPE ends.
     */
    void print(String line) {
        synchronized (out) {
            out.print(line);
            out.print('\n');
            // checkError() flushes first: one write per line, and a failed write is seen at once.
            if (flushEachLine && out.checkError()) {
                throw scheduler.abort(new Aborted(Aborted.PIPE_CLOSED_STATUS, ""));
            }
        }
    }

    private void printError(String text) {
        synchronized (out) {
            out.flush();
            err.print(text);
            err.flush();
        }
    }

    ToyError undefined(int slot) {
        return new ToyError("NameError", "name '" + globals.name(slot) + "' is not defined");
    }

    /** Calls anything callable that the hot loop does not call inline. */
    Object callValue(Interpreter interpreter, Object callee, Object[] args) {
        if (callee instanceof Builtin builtin) {
            return builtin.call(args);
        }
        if (callee instanceof BoundMethod method) {
            return method.call(args);
        }
        if (callee instanceof Function function) {
            return interpreter.call(function, args);
        }
        throw ToyError.typeError("'" + Values.typeName(callee) + "' object is not callable");
    }

    /** {@code spawn f(args)}: a new thread with an interpreter of its own. */
    ToyThread spawn(Object callee, Object[] args) {
        if (!(callee instanceof Function || callee instanceof Builtin || callee instanceof BoundMethod)) {
            throw ToyError.typeError("'" + Values.typeName(callee) + "' object is not callable");
        }
        Interpreter interpreter = new Interpreter(this);
        ThreadState state = scheduler.register(scheduler.nextThreadName(), interpreter::currentLocation);
        interpreter.bindThread(state);
        return ToyThread.start(state, () -> {
            try {
                return callValue(interpreter, callee, args);
            } catch (ExitRequest e) {
                throw scheduler.abort(new Aborted(e.status(), ""));
            }
        }, this::printError);
    }
}
