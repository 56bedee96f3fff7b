package toy.interpreter.vm;

import static toy.interpreter.bytecode.Opcode.*;

import java.util.ArrayDeque;
import java.util.Arrays;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Opcode;

/**
 * The operand-stack depth before each instruction of a {@link Code} (the same on every path
 * that reaches it, as the compiler guarantees), found by following every jump and try handler
 * from offset 0; and the loop headers, the targets of backward jumps, where a frame running
 * in the interpreter can move into the compiled code ({@link JitCompiler}).
 */
final class StackDepths {
    /** Per offset into the instructions: the depth before the instruction there, or -1 (not an instruction start, or unreachable). */
    final int[] depth;
    /** Per offset: whether a backward jump targets it. */
    final boolean[] loopHeader;

    private StackDepths(int[] depth, boolean[] loopHeader) {
        this.depth = depth;
        this.loopHeader = loopHeader;
    }

    /**
     * Analyses code. Throws IllegalStateException if two paths reach an instruction with
     * different depths or a depth leaves [0, maxStack]: a compiler bug, which the caller
     * answers by leaving the code to the interpreter.
     */
    static StackDepths of(Code code) {
        int[] ins = code.instructions();
        int[] depth = new int[ins.length];
        Arrays.fill(depth, -1);
        boolean[] loopHeader = new boolean[ins.length];
        ArrayDeque<Integer> work = new ArrayDeque<>();
        reach(depth, work, 0, 0, code);
        for (Code.Handler h : code.handlers()) {
            reach(depth, work, h.target(), h.depth() + 1, code);
        }
        while (!work.isEmpty()) {
            int pc = work.pop();
            int op = ins[pc];
            int d = depth[pc];
            int next = pc + Opcode.length(op);
            if (Opcode.jumps(op)) {
                int target = Opcode.jumpTarget(op, ins, pc);
                if (target <= pc) {
                    loopHeader[target] = true;
                }
                reach(depth, work, target, d + Opcode.jumpStackEffect(op, ins, pc), code);
            }
            if (op != JUMP && op != RETURN && op != RAISE && op != WITH_ABORT) {
                reach(depth, work, next, d + Opcode.stackEffect(op, ins, pc), code);
            }
        }
        return new StackDepths(depth, loopHeader);
    }

    private static void reach(int[] depth, ArrayDeque<Integer> work, int pc, int d, Code code) {
        if (pc >= depth.length || d < 0 || d > code.maxStack()) {
            throw new IllegalStateException("stack depth " + d + " at " + pc + " in " + code.name());
        }
        if (depth[pc] == -1) {
            depth[pc] = d;
            work.push(pc);
        } else if (depth[pc] != d) {
            throw new IllegalStateException("stack depths " + depth[pc] + " and " + d + " meet at " + pc + " in " + code.name());
        }
    }
}
