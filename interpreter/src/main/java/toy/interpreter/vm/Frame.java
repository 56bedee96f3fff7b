package toy.interpreter.vm;

import toy.interpreter.bytecode.Code;
import toy.runtime.TracebackEntry;

/**
 * One active call: its code, its closure, where its slots start, and (while another frame runs)
 * where to resume. An interpreter keeps one per depth and reuses it for every call made at that
 * depth ({@link #enter}), so that a call allocates nothing: a new Frame per call cost the
 * recursive fib benchmark about a third of its time (README, "Speed").
 */
final class Frame {
    Function function;
    Code code;
    int base;
    int pc;
    /** The operand stack's top while another frame runs. */
    int sp;

    /** Makes this frame the start of a call of function whose slots start at base. */
    void enter(Function function, int base) {
        this.function = function;
        this.code = function.code;
        this.base = base;
        this.pc = 0;
        this.sp = base + code.localCount();
    }

    /** The traceback line for where this frame is: the instruction before pc (the one running, or the call it made). */
    TracebackEntry location() {
        return code.location(pc - 1);
    }
}
