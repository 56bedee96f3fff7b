package toy.interpreter.vm;

import toy.interpreter.bytecode.Code;
import toy.runtime.ToyObject;

/**
 * A Toy function value: compiled code plus the cells of the variables it captured, and the
 * default values of its last parameters, computed once when the {@code fn} ran.
 */
public final class Function implements ToyObject {
    private static final Object[] NO_DEFAULTS = new Object[0];

    final Code code;
    final Cell[] free;
    /** Values for the last {@code defaults.length} parameters. */
    final Object[] defaults;

    Function(Code code, Cell[] free) {
        this(code, free, NO_DEFAULTS);
    }

    Function(Code code, Cell[] free, Object[] defaults) {
        this.code = code;
        this.free = free;
        this.defaults = defaults;
    }

    /** A compiled program's top-level code as a function of no arguments: how the REPL runs each input on MainThread. */
    public static Function ofProgram(Code program) {
        return new Function(program, new Cell[0]);
    }

    public Code code() {
        return code;
    }

    @Override
    public String typeName() {
        return "function";
    }

    @Override
    public String str() {
        return "<function " + code.name() + ">";
    }
}
