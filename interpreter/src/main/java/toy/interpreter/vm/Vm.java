package toy.interpreter.vm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.bytecode.Opcode;
import toy.runtime.BoundMethod;
import toy.runtime.Builtin;
import toy.runtime.Keywords;
import toy.runtime.MemoryReserve;
import toy.runtime.PythonNames;
import toy.runtime.Suggestions;
import toy.runtime.ToyError;
import toy.runtime.TracebackEntry;
import toy.runtime.Values;
import toy.runtime.observe.Observer;
import toy.runtime.pool.Pools;
import toy.runtime.pool.ProcessRole;
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
    /** What observes the run ({@code --trace}, {@code --stats}, {@code --timeline}); null when nothing does. */
    private Observer observer;
    private final Gil gil;
    private final Options options;
    private final Pools pools = new Pools();
    /** The second tier, shared by the program's threads; null when off. */
    private final Jit jit = Jit.fromProperty(() -> !scheduler.onlyOneLeft());
    /** The script's path as given, for pool workers; set by {@link #run}. */
    private String script;

    /** Settings of a run, from the command line. */
    public record Options(int recursionLimit, Gil.Policy policy, SwitchInterval interval, List<String> args,
            ProcessRole role) {
        /** The single main program of {@code toy run}. */
        public Options(int recursionLimit, Gil.Policy policy, SwitchInterval interval, List<String> args) {
            this(recursionLimit, policy, interval, args, ProcessRole.MAIN);
        }

        /** The run options as command-line words, for a process started with the same ones; {@link #parse} reads them back. */
        public List<String> arguments() {
            return List.of("--recursion-limit", Integer.toString(recursionLimit), "--switch-interval", interval.text(),
                    "--gil", policy.name().toLowerCase(Locale.ROOT));
        }

        /**
         * Reads back the words of {@link #arguments()}, for a pool worker, which gets them from its
         * parent and so needs no command-line parser (picocli took 0.2 s of a worker's start).
         * Throws IllegalArgumentException for anything else.
         */
        public static Options parse(List<String> words, List<String> args, ProcessRole role) {
            if (words.size() != 6 || !words.get(0).equals("--recursion-limit") || !words.get(2).equals("--switch-interval")
                    || !words.get(4).equals("--gil")) {
                throw new IllegalArgumentException("expected --recursion-limit N --switch-interval I --gil P, not " + words);
            }
            try {
                return new Options(Integer.parseInt(words.get(1)), Gil.Policy.valueOf(words.get(5).toUpperCase(Locale.ROOT)),
                        SwitchInterval.parse(words.get(3)), args, role);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a recursion limit: " + words.get(1));
            }
        }
    }

    /**
     * What MainThread does after the script's top-level code, holding the GIL, instead of
     * ending the program: a pool worker serves tasks ({@code toy.interpreter.worker}).
     */
    public interface Service {
        /** Reports the top-level code's uncaught error, in place of printing it. */
        void failed(ToyError error);

        /** Serves until the process ends; {@code call} calls a value of the program with arguments. */
        void serve(BiFunction<Object, Object[], Object> call);
    }

    public Vm(Globals globals, PrintStream out, PrintStream err, boolean flushEachLine, Options options) {
        this.globals = globals;
        this.out = out;
        this.err = err;
        this.flushEachLine = flushEachLine;
        this.recursionLimit = options.recursionLimit();
        this.args = List.copyOf(options.args());
        this.options = options;
        this.gil = new Gil(options.policy(), scheduler);
        scheduler.setGil(gil);
        options.interval().applyTo(gil);
        LazyBuiltins.name(this);
        MemoryReserve.take();
    }

    public Globals globals() {
        return globals;
    }

    Jit jit() {
        return jit;
    }

    /**
     * Checks the JVM property {@code toy.jit} that every VM reads (on, off or eager), for the
     * command line to report a bad value as a usage error before it runs anything.
     *
     * @throws IllegalArgumentException naming the value given and the valid ones
     */
    public static void checkJitProperty() {
        Jit.fromProperty(() -> false);
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
        this.observer = observer;
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
        return run(main, null);
    }

    /** {@link #run(Code)}, then {@code service} on MainThread if the top-level code succeeded (null: none). */
    public int run(Code main, Service service) {
        script = main.file();
        Interpreter interpreter = new Interpreter(this, main.location(0));
        ThreadState state = scheduler.register("MainThread", interpreter::currentLocation);
        interpreter.bindThread(state);
        ToyThread.running(state);
        state.bindToCurrentThread();
        int status = 0;
        try {
            gil.acquire(state);
            try {
                interpreter.call(new Function(main, new Cell[0]), new Object[0]);
                if (service != null) {
                    service.serve((callee, arguments) -> callValue(interpreter, callee, arguments, Keywords.NONE));
                }
            } catch (ToyError e) {
                if (service != null) {
                    service.failed(e);
                } else {
                    printError(e.formatTraceback());
                }
                status = Aborted.ERROR_STATUS;
            }
            scheduler.await(state, "see the other threads finish", scheduler::onlyOneLeft);
            // A program that ended normally lets its pools finish their work; after an uncaught
            // error the finally below stops the workers at once (docs/processes.md).
            if (status == 0) {
                pools.shutdownAll();
            }
        } catch (ExitRequest e) {
            scheduler.abort(new Aborted(Aborted.Cause.EXIT, e.status(), ""));
            status = e.status();
        } catch (Aborted e) {
            printError(e.report());
            status = e.status();
        } finally {
            pools.stopAll();
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
        scheduler.abort(new Aborted(Aborted.Cause.EXIT, status, ""));
    }

    /** The pools this program made and what they did (for --stats and --timeline). */
    public Pools pools() {
        return pools;
    }

    Options options() {
        return options;
    }

    String script() {
        return script;
    }

    int recursionLimit() {
        return recursionLimit;
    }

    Gil gil() {
        return gil;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    List<String> args() {
        return args;
    }

    /**
     * Writes program output in one piece, never split by another thread's (a print's line, an
     * input prompt). Once a write to the process's standard output has failed (its reader has
     * gone away, a full disk), the whole run stops, quietly: the command reports it and ends
     * with its status ({@link StandardOutput#finish}).
     */
    void write(String text) {
        synchronized (out) {
            out.print(text);
            if (flushEachLine) {
                out.flush();
            }
            if (out instanceof StandardOutput stdout && stdout.failed()) {
                throw scheduler.abort(stdout.abort());
            }
        }
    }

    /** Sends buffered program output on, before {@code input()} waits for the user to answer it. */
    void flush() {
        synchronized (out) {
            out.flush();
        }
    }

    /** Prints an error report on stderr, after what the program printed and what the trace has so far. */
    void printError(String text) {
        if (observer != null) {
            observer.flushTrace();
        }
        synchronized (out) {
            out.flush();
            err.print(text);
            err.flush();
        }
    }

    /**
     * NameError for reading global slot before it is defined, or with assigning for writing it,
     * at offset pc of code. With a word for Python's users, for a name the program does not
     * declare at its top level (one it does is only not defined yet): when reading, what Toy
     * has for one of Python's names ({@link PythonNames#nameErrorNote}), if any;
     * else CPython's "Did you mean" for the variable in scope there
     * nearest to the name ({@link Code#nearLocals}), else for a defined global or, when reading,
     * a builtin ({@link Suggestions}; CPython too looks at a frame's locals first); else, when
     * assigning, how to declare the variable (Toy needs {@code let} where Python needs nothing).
     * A read in a statement that also stores the name ({@code count += 1}) gets, after the word
     * for Python's users, what a write gets: no builtin suggested, and how to declare it.
     */
    ToyError undefined(int slot, boolean assigning, Code code, int pc) {
        String name = globals.name(slot);
        // The read of count += 1 (or of count = count + 1) is part of assigning the name too;
        // Python's spellings (filter = filter(...)) still get their word.
        boolean storing = assigning || storedInStatement(slot, code, pc);
        String note = "";
        // A name the program declares at its top level is only not defined yet: nothing else is meant.
        if (!globals.declared(slot)) {
            note = assigning ? "" : PythonNames.nameErrorNote(name);
            if (note.isEmpty()) {
                String near = code.nearLocals().get(pc);
                // Assigning a builtin's name is allowed (it replaces the builtin): none is meant then.
                note = near != null ? Suggestions.didYouMean(near) : Suggestions.didYouMean(name, definedNames(!storing));
            }
            if (note.isEmpty() && storing) {
                note = " (declare it first: let " + name + " = ...)";
            }
        }
        return new ToyError("NameError", "name '" + name + "' is not defined" + note);
    }

    /**
     * Whether the statement that reads global slot at pc stores it later ({@code count += 1},
     * {@code count = (1 +} then {@code count)} on the next line), or the read's line does
     * ({@code count = count or 1}, {@code let x = count + 1; count = 5}). A statement starts and
     * ends at its block's operand-stack depth and runs above it in between (Code.stackDepths):
     * a store of slot whose depth, less the value it stores, is below every depth since the
     * read belongs to the read's statement. The line catches what that misses: the branches of
     * a statement's own expression ({@code or}, {@code x if c else y}) start at its depth again,
     * like the statements after it.
     */
    private static boolean storedInStatement(int slot, Code code, int pc) {
        int[] ins = code.instructions();
        int[] depths = code.stackDepths();
        int line = code.lineAt(pc);
        boolean sameLine = true;
        int lowest = Integer.MAX_VALUE;
        for (int at = pc + Opcode.length(ins[pc]); at < ins.length; at += Opcode.length(ins[at])) {
            sameLine &= code.lineAt(at) == line;
            if ((ins[at] == Opcode.STORE_GLOBAL || ins[at] == Opcode.DEFINE_GLOBAL) && ins[at + 1] == slot
                    && (sameLine || depths[at] - 1 < lowest && depths[at] - 1 <= depths[pc])) {
                return true;
            }
            lowest = Math.min(lowest, depths[at]);
            if (lowest <= 0 && !sameLine) {
                return false;
            }
        }
        return false;
    }

    /**
     * The globals the program has defined now and, with builtins, every builtin's name, defined or
     * still to be installed ({@link LazyBuiltins}).
     */
    private List<String> definedNames(boolean builtins) {
        List<String> names = new ArrayList<>();
        for (int slot = 0; slot < globals.size(); slot++) {
            if (globals.values[slot] != null && (builtins || globals.declared(slot))) {
                names.add(globals.name(slot));
            }
        }
        if (builtins) {
            for (BuiltinGroup group : BuiltinGroup.values()) {
                names.addAll(group.names);
            }
        }
        return names;
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

    /** {@code spawn f(args)} at site: a new thread with an interpreter of its own. */
    ToyThread spawn(Object callee, Object[] args, TracebackEntry site) {
        if (!(callee instanceof Function || callee instanceof Builtin || callee instanceof BoundMethod)) {
            throw ToyError.typeError("'" + Values.typeName(callee) + "' object is not callable");
        }
        Interpreter interpreter = new Interpreter(this, site);
        ThreadState state = scheduler.register(scheduler.nextThreadName(), interpreter::currentLocation);
        interpreter.bindThread(state);
        return ToyThread.start(state, () -> {
            try {
                return callValue(interpreter, callee, args, Keywords.NONE);
            } catch (ExitRequest e) {
                throw scheduler.abort(new Aborted(Aborted.Cause.EXIT, e.status(), ""));
            } catch (ToyError e) {
                // A builtin run straight by the thread has no frame: its error is placed at the spawn.
                if (!(callee instanceof Function)) {
                    e.addTraceback(site);
                }
                throw e;
            }
        }, this::printError);
    }
}
