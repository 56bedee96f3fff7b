package toy.interpreter.repl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.SourceFile;
import toy.interpreter.vm.Function;
import toy.interpreter.vm.StandardOutput;
import toy.interpreter.vm.Vm;
import toy.runtime.Arity;
import toy.runtime.Builtin;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.Values;
import toy.runtime.threads.KeyboardInterrupt;
import toy.runtime.threads.ThreadState;

/**
 * The read-eval-print loop, run on MainThread holding the GIL, after the (empty) top-level
 * code, as {@link Vm.Service}: read an input (one line, or more while {@link Continuation}
 * says so), compile it against the session's globals (so {@code let} and {@code fn} bindings
 * persist), run it, and show the repr of each top-level expression statement's value on
 * stdout (nothing for nil), as CPython's REPL does; the last such value is also the global
 * {@code _}. A compile error or an uncaught error is reported on stderr and the loop goes on.
 * At the end of the input the loop returns, and the VM then waits for the threads still
 * running, as at the end of a script.
 */
public final class ReplSession implements Vm.Service {
    /** The prompt of a new input, and of its further lines (CPython's sys.ps1 and sys.ps2). */
    public static final String PROMPT = ">>> ";
    public static final String CONTINUATION_PROMPT = "... ";
    /** The global that shows a value; not a name a program can write, so it cannot be replaced. */
    private static final String DISPLAY_HOOK = "<displayhook>";
    /**
     * The file name of every input in tracebacks and compile errors, as CPython's REPL says; a
     * name in angle brackets, which is no file a Pool worker could run (PoolBuiltins).
     */
    public static final String FILE = "<stdin>";

    private final Globals globals;
    private final InputThread input;
    private final ReplInterrupt interrupt;
    private final PrintStream out;
    private final PrintStream err;

    /** {@code interrupt}: where the session's Ctrl-C handler sends Ctrl-C while this loop runs. */
    public ReplSession(Globals globals, InputThread input, ReplInterrupt interrupt, PrintStream out, PrintStream err) {
        this.globals = globals;
        this.input = input;
        this.interrupt = interrupt;
        this.out = out;
        this.err = err;
    }

    /** The top-level code of a REPL is empty: it cannot fail, but an error is still reported. */
    @Override
    public void failed(ToyError error) {
        report(error.formatTraceback());
    }

    /**
     * The loop. Ctrl-C while an input runs raises KeyboardInterrupt in it (see {@link
     * ReplInterrupt}): its traceback is reported like any error's and the loop goes on, with
     * the bindings made so far.
     */
    @Override
    public void serve(BiFunction<Object, Object[], Object> call) {
        interrupt.open(ThreadState.current());
        try {
            loop(call);
        } finally {
            interrupt.close();
        }
    }

    private void loop(BiFunction<Object, Object[], Object> call) {
        globals.define(DISPLAY_HOOK, new Builtin(DISPLAY_HOOK, Arity.expects(DISPLAY_HOOK, 1, 1), args -> display(args[0])));
        int hook = globals.indexOf(DISPLAY_HOOK);
        for (;;) {
            if (outputFailed()) {
                // A value shown could not be written (its reader gone, a full disk): the session
                // ends, as a run does at a print that fails, and the command says why.
                return;
            }
            String text;
            try {
                text = readInput();
            } catch (ToyError e) {
                report(e.formatTraceback());
                return;
            }
            if (text == null) {
                return;
            }
            Code code;
            try {
                code = Compiler.compileInteractive(new SourceFile(FILE, text), globals, hook);
            } catch (CompileException e) {
                report(e.report());
                continue;
            }
            try {
                call.apply(Function.ofProgram(code), new Object[0]);
            } catch (ToyError e) {
                report(e.formatTraceback());
            } finally {
                if (outputFailed()) {
                    // The command's message then comes on a line of its own, not after the prompt.
                    err.println();
                }
            }
        }
    }

    /**
     * One input: the lines typed up to the one that completes it, joined with line breaks;
     * null at the end of the input. Ctrl-C drops what was typed of it and starts again.
     */
    private String readInput() {
        List<String> lines = new ArrayList<>();
        for (;;) {
            synchronized (out) {
                out.flush();
            }
            Object got = read(lines.isEmpty() ? PROMPT : CONTINUATION_PROMPT);
            if (got == InputThread.Event.CANCELLED) {
                err.println();
                err.println("KeyboardInterrupt");
                lines.clear();
                continue;
            }
            if (got == InputThread.Event.END_OF_INPUT) {
                // The end of the input inside an unfinished input: the compiler says what is missing.
                return lines.isEmpty() ? null : String.join("\n", lines);
            }
            String line = (String) got;
            if (lines.isEmpty() && line.isBlank()) {
                continue;
            }
            lines.add(line);
            String text = String.join("\n", lines);
            if (!Continuation.needsMore(text)) {
                return text;
            }
        }
    }

    /** Whether a write to the process's standard output has failed ({@link StandardOutput#failed}). */
    private boolean outputFailed() {
        return out instanceof StandardOutput stdout && stdout.failed();
    }

    /** A line, or an Event; Ctrl-C while waiting for it (and not taken by the line source) cancels it too. */
    private Object read(String prompt) {
        try {
            return input.read(prompt);
        } catch (ToyError e) {
            if (KeyboardInterrupt.is(e)) {
                return InputThread.Event.CANCELLED;
            }
            throw e;
        }
    }

    private Object display(Object value) {
        if (value != Nil.NIL) {
            globals.define("_", value);
            String text = Values.repr(value) + "\n";
            synchronized (out) {
                out.print(text);
                out.flush();
            }
        }
        return Nil.NIL;
    }

    /** An error report on stderr, after the program output written before it. */
    private void report(String text) {
        synchronized (out) {
            out.flush();
            err.print(text);
            err.flush();
        }
    }
}
