package toy.interpreter.vm;

import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Opcode;

/**
 * Where compiled code counts the budget: once per run of instructions rather than once per
 * instruction. A run is a stretch of <em>quiet</em> instructions ended by one that is not,
 * entered only at its start (no jump target, loop header or handler inside it). A quiet
 * instruction touches only its frame's own slots and cannot throw: constants, loading and
 * storing locals, {@code POP}, {@code DUP2}, {@code SWAP}. {@code RETURN} is a run of its own,
 * as every instruction was before: charged with the {@code NIL} before it (a function's implicit
 * return), it made the later calls of a countdown 1.5 times slower, in HotSpot's compile of
 * the code after the loop (measured, not understood: docs/speed.md).
 *
 * <p>At a run's start, compiled code charges all its instructions at once when the budget
 * covers them; when the budget runs out inside the run, the GIL's checkpoints that fall inside
 * it are taken at its start instead ({@link Interpreter#runCheckpoints}), with the budgets the
 * interpreter would have had. So every instruction is still counted once, in the same switch
 * intervals, and a checkpoint moves only across quiet instructions, which no other thread can
 * observe: before any other instruction (the write of {@code g += 1}), the switch falls where
 * the interpreter's does. What this saves is HotSpot's work: a decrement, a test and a call
 * site per instruction made about half of a compiled method's bytecode, and compiling it is
 * much of a short program's warm-up; {@code sieve}'s method now has 24 checkpoint call sites
 * instead of 54 and 2,250 bytes instead of 2,667 (docs/speed.md, "The budget counted per run").
 */
final class BudgetRuns {
    private BudgetRuns() {
    }

    /** Whether op only moves values between its frame's slots and cannot throw (see the class comment). */
    static boolean quiet(int op) {
        return switch (op) {
            case Opcode.CONST, Opcode.INT, Opcode.NIL, Opcode.TRUE, Opcode.FALSE, Opcode.POP, Opcode.DUP2, Opcode.SWAP,
                    Opcode.LOAD_LOCAL, Opcode.STORE_LOCAL -> true;
            default -> false;
        };
    }

    /**
     * Per offset into code's instructions, the number of instructions in the run that starts
     * there; 0 where no run starts, or no instruction starts, or the code there is never reached.
     */
    static int[] lengths(Code code) {
        int[] ins = code.instructions();
        int[] depth = code.stackDepths();
        boolean[] start = new boolean[ins.length + 1];
        start[0] = true;
        for (Code.Handler handler : code.handlers()) {
            start[handler.target()] = true;
        }
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            int op = ins[pc];
            if (Opcode.jumps(op)) {
                start[Opcode.jumpTarget(op, ins, pc)] = true;
            }
            if (!quiet(op)) {
                start[pc + Opcode.length(op)] = true;
            }
            if (op == Opcode.RETURN) {
                start[pc] = true; // see the class comment
            }
        }
        int[] lengths = new int[ins.length];
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            if (!start[pc] || depth[pc] < 0) {
                continue;
            }
            int count = 1;
            for (int at = pc; quiet(ins[at]); count++) {
                at += Opcode.length(ins[at]);
                if (at >= ins.length || start[at]) {
                    break;
                }
            }
            lengths[pc] = count;
        }
        return lengths;
    }
}
