package toy.interpreter.vm;

import toy.interpreter.bytecode.Code;
import toy.runtime.ToyObject;

/** A Toy function value: compiled code plus the cells of the variables it captured. */
public final class Function implements ToyObject {
    final Code code;
    final Cell[] free;

    Function(Code code, Cell[] free) {
        this.code = code;
        this.free = free;
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
