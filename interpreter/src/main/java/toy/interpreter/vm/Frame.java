package toy.interpreter.vm;

import toy.interpreter.bytecode.Code;

/** One active call: its code, its closure, where its slots start, and (while it calls another) where to resume. */
final class Frame {
    final Function function;
    final Code code;
    final int base;
    int pc;

    Frame(Function function, int base) {
        this.function = function;
        this.code = function.code;
        this.base = base;
    }
}
