package toy.interpreter.vm;

import java.io.PrintStream;
import java.util.List;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;
import toy.runtime.BoundMethod;
import toy.runtime.Builtin;
import toy.runtime.Keywords;
import toy.runtime.ToyError;
import toy.runtime.Values;
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
    }

    public Globals globals() {
        return globals;
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

    /** Writes program output in one piece, never split by another thread's (a print's line, an input prompt). */
    void write(String text) {
        synchronized (out) {
            out.print(text);
            if (flushEachLine) {
                out.flush();
            }
        }
    }

    /** Sends buffered program output on, before {@code input()} waits for the user to answer it. */
    void flush() {
        synchronized (out) {
            out.flush();
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

    /** Calls anything callable that the hot loop does not call inline; builtins call back through the interpreter. */
    Object callValue(Interpreter interpreter, Object callee, Object[] args, Keywords keywords) {
        if (callee instanceof Builtin builtin) {
            return builtin.call(interpreter.caller(), args, keywords);
        }
        if (callee instanceof BoundMethod method) {
            return method.call(interpreter.caller(), args, keywords);
        }
        if (callee instanceof Function function) {
            return interpreter.call(function, keywords.isEmpty() ? args : Arguments.bind(function, args, keywords));
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
                return callValue(interpreter, callee, args, Keywords.NONE);
            } catch (ExitRequest e) {
                throw scheduler.abort(new Aborted(e.status(), ""));
            }
        }, this::printError);
    }
}
