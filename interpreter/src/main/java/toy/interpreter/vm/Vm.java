package toy.interpreter.vm;

import java.io.PrintStream;
import java.util.List;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;
import toy.runtime.BoundMethod;
import toy.runtime.Builtin;
import toy.runtime.ToyError;
import toy.runtime.Values;

/**
 * One running program: what its threads share (globals, standard output, options) and the
 * services the interpreters call out of line (calls to non-Toy functions, the interval
 * checkpoint).
 */
public final class Vm {
    /** CPython's default recursion limit. */
    public static final int DEFAULT_RECURSION_LIMIT = 1000;
    /** Instructions between two checkpoints while a thread runs alone. */
    public static final int DEFAULT_SWITCH_INTERVAL = 10_000;

    final Globals globals;
    private final PrintStream out;
    private final boolean flushEachLine;
    private final int recursionLimit;
    private final List<String> args;

    public Vm(Globals globals, PrintStream out, boolean flushEachLine, int recursionLimit, List<String> args) {
        this.globals = globals;
        this.out = out;
        this.flushEachLine = flushEachLine;
        this.recursionLimit = recursionLimit;
        this.args = List.copyOf(args);
        VmBuiltins.install(this);
    }

    public Globals globals() {
        return globals;
    }

    /** Runs a script's top-level code on the calling thread. */
    public void run(Code main) {
        new Interpreter(this).call(new Function(main, new Cell[0]), new Object[0]);
    }

    int recursionLimit() {
        return recursionLimit;
    }

    int switchInterval() {
        return DEFAULT_SWITCH_INTERVAL;
    }

    /** Called by an interpreter when its budget of instructions runs out; returns the next budget. */
    int checkpoint(Interpreter interpreter) {
        return DEFAULT_SWITCH_INTERVAL;
    }

    List<String> args() {
        return args;
    }

    /** Writes one line of program output; a line is never split by another thread's. */
    void print(String line) {
        synchronized (out) {
            out.print(line);
            out.print('\n');
            if (flushEachLine) {
                out.flush();
            }
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

    Object spawn(Object callee, Object[] args, int line) {
        throw ToyError.typeError("threads are not available in this build");
    }
}
