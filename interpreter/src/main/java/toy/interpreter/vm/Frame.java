package toy.interpreter.vm;

import toy.interpreter.bytecode.Code;
import toy.runtime.TracebackEntry;

/** One active call: its code, its closure, where its slots start, and (while another frame runs) where to resume. */
final class Frame {
    final Function function;
    final Code code;
    final int base;
    int pc;
    /** The operand stack's top while another frame runs. */
    int sp;

    Frame(Function function, int base) {
        this.function = function;
        this.code = function.code;
        this.base = base;
        this.sp = base + code.localCount();
    }

    /** The traceback line for where this frame is: the instruction before pc (the one running, or the call it made). */
    TracebackEntry location() {
        return code.location(pc - 1);
    }
}
