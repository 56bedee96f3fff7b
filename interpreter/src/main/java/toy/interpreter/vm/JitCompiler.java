package toy.interpreter.vm;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Comparison;
import toy.interpreter.bytecode.Opcode;
import toy.runtime.Builtin;
import toy.runtime.QuickMethods;

/**
 * Translates one {@link Code} into the bytes of a JVM class implementing {@link CompiledCode}:
 * a baseline compiler in the manner of V8's Sparkplug or a template JIT, one fixed pattern per
 * Toy instruction, with no types inferred; HotSpot then optimizes the result as it runs.
 *
 * <p><b>What it removes</b> is the interpreter's dispatch and its operand-stack traffic: the
 * stack depth before every instruction is known ({@link Code#stackDepths()}), so each local and each
 * stack slot becomes a pair of JVM locals, a reference and a {@code long}, in the interpreter's
 * own value representation (a null reference means an int in the long). Ints are added,
 * compared and branched on in place; anything else calls the runtime methods the interpreter
 * calls. Instructions without a pattern here (the rare ones: {@code with}, unpacking, keyword
 * calls, making a closure, {@code spawn} ...) are run by the interpreter's {@code step} on the
 * frame's slots: the operand stack (and a closure's captured cells) written back before, the
 * results read again after.
 *
 * <p><b>What it keeps</b>: every Toy instruction still counts against the thread's budget,
 * charged once per run of instructions ({@link BudgetRuns}), with the GIL's checkpoints where
 * the interpreter takes them, or moved only across quiet instructions no other thread can
 * observe, so a switch can fall between any two instructions another thread could tell
 * apart; whatever is thrown goes to the interpreter, which names the code's handler
 * that takes it ({@link Code#handlerFor}) or pops the frame; a Toy call pushes the
 * interpreter's {@link Frame}, so the recursion limit, tracebacks and {@code currentLocation}
 * are unchanged.
 *
 * <p>JVM locals: 0 this, 1 the interpreter, 2 the frame, 3 the entry offset, {@link #BASE} the frame's
 * base, {@link #BUDGET}, {@link #PC} (the Toy offset of the instruction that may throw next,
 * or {@link Interpreter#PC_IN_FRAME} around a run's checkpoints, for tracebacks and for what a
 * throw did to the budget), {@link #CONSTANTS}, {@link #THROWN} (in
 * handlers), then per Toy slot i a reference at {@code ref(i)} and a long at {@code bits(i)},
 * three JVM locals apart since a long takes two.
 */
final class JitCompiler {
    private static final int IN = 1;
    private static final int FRAME = 2;
    private static final int ENTRY = 3;
    private static final int BASE = 4;
    private static final int BUDGET = 5;
    private static final int PC = 6;
    private static final int CONSTANTS = 7;
    private static final int THROWN = 8;
    private static final int FIRST_SLOT = 9;

    private static final String OBJECT = "java/lang/Object";
    private static final String LONG = "java/lang/Long";
    private static final String BOOLEAN = "java/lang/Boolean";
    private static final String INTERPRETER = Type.getInternalName(Interpreter.class);
    private static final String FRAME_CLASS = Type.getInternalName(Frame.class);
    private static final String CELL = Type.getInternalName(Cell.class);
    private static final String FUNCTION = Type.getInternalName(Function.class);
    private static final String OPERATIONS = Type.getInternalName(Operations.class);
    private static final String ARITH = "toy/runtime/Arith";
    private static final String INDEXING = "toy/runtime/Indexing";
    private static final String RANGE_ITERATOR = "toy/runtime/RangeIterator";
    private static final String TOY_ITERATOR = "toy/runtime/ToyIterator";
    private static final String OBJ = "Ljava/lang/Object;";
    private static final String VM = Type.getInternalName(Vm.class);
    private static final String KEYWORDS = "toy/runtime/Keywords";
    private static final String ONE_ARGUMENT = Type.getInternalName(Builtin.OneArgument.class);
    private static final String QUICK_METHODS = Type.getInternalName(QuickMethods.class);
    private static final String VALUES = "toy/runtime/Values";

    private final Code code;
    /** Per offset, the operand-stack depth before the instruction there; -1 where none starts or none is reached. */
    private final int[] depth;
    private final boolean[] loopHeader;
    private final int[] ins;
    private final int locals;
    private final Label[] labels;
    private final boolean[] handsBudgetOn;
    /** Per offset, the length of the run of instructions that starts there ({@link BudgetRuns}), else 0. */
    private final int[] runLengths;
    /**
     * Whether a loop's backward jump on a comparison of two ints or on the truth of an int or a
     * bool is made a forward one, on the opposite test, past an unconditional jump back
     * ({@link #jumpsBack}): in code compiled while other Toy threads live. Why: with the GIL's
     * drop in a loop's profile from the start (threads started cold), C2 made the conditional
     * back edge of a {@code while} countdown a counted loop and kept its values in memory
     * around the drop's call on every step; two threads took 2.3 times as long as one for the
     * same count, and 0.9-1.0 times with the jump. Not in code compiled with no other thread:
     * the book's experiment's threads, started after its sequential count, run that code, and
     * with the conditional back edge took as long as the sequential count (0.97 times), with
     * the jump 1.12-1.18 times (docs/speed.md, "Two threads started cold under the GIL").
     */
    private final boolean loopsCloseByJump;
    private MethodVisitor mv;

    private JitCompiler(Code code, boolean[] loopHeader, boolean loopsCloseByJump) {
        this.code = code;
        this.loopsCloseByJump = loopsCloseByJump;
        this.depth = code.stackDepths();
        this.loopHeader = loopHeader;
        this.ins = code.instructions();
        this.locals = code.localCount();
        this.labels = new Label[ins.length + 1];
        this.handsBudgetOn = new boolean[ins.length];
        this.runLengths = BudgetRuns.lengths(code);
        for (int i = 0; i < labels.length; i++) {
            labels[i] = new Label();
        }
    }

    /**
     * A class file, and per offset into the instructions whether the instruction there hands
     * the budget to code it calls (a call, or the interpreter's {@code step}): when it throws,
     * what is left of the budget is the interpreter's, not the compiled frame's.
     */
    record Output(byte[] classFile, boolean[] handsBudgetOn) {
    }

    /**
     * Code's compiled form, a class named {@code className} (internal form, in this package),
     * which can be entered at offset 0 and at each loop header; {@code whileOthersLive}: whether
     * other Toy threads live as it is compiled ({@link #loopsCloseByJump}). Throws ASM's
     * MethodTooLargeException if its method passes the JVM's 65,535 bytes.
     */
    static Output compile(Code code, boolean[] loopHeader, String className, boolean whileOthersLive) {
        JitCompiler compiler = new JitCompiler(code, loopHeader, whileOthersLive);
        return new Output(compiler.classFile(className), compiler.handsBudgetOn);
    }

    /**
     * Per offset into code's instructions: whether the interpreter may enter the compiled code
     * there, one entry per loop, where the code before the loop goes in. That is the target of
     * the backward jump that closes the loop, except for a loop the compiler inverted
     * ({@code while}: a forward {@code JUMP} to the test at the bottom, whose backward jump goes
     * to the body), which is entered at that test. A second way into a loop would make it
     * irreducible, and C2 leaves an irreducible loop unoptimized: a countdown in a function
     * called a third time, so compiled from the method's start rather than on-stack, ran at
     * 1.7-1.9 ns a step, and at 1.15 with one way in (docs/speed.md, "One way into each loop").
     * An outer loop still has a second way in, its inner loops' entries.
     */
    static boolean[] loopHeaders(Code code) {
        int[] ins = code.instructions();
        boolean[] header = new boolean[ins.length];
        int[] previous = new int[ins.length];
        int last = -1;
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            previous[pc] = last;
            last = pc;
            int op = ins[pc];
            if (Opcode.jumps(op) && Opcode.jumpTarget(op, ins, pc) <= pc) {
                int body = Opcode.jumpTarget(op, ins, pc);
                int before = previous[body];
                // Inverted: the JUMP just before the body goes forward to this backward jump's test.
                int test = before >= 0 && ins[before] == Opcode.JUMP ? Opcode.jumpTarget(Opcode.JUMP, ins, before) : -1;
                header[test > body && test <= pc ? test : body] = true;
            }
        }
        return header;
    }

    private byte[] classFile(String className) {
        // A class file of Java 5 (version 49), which has no stack map frames: ASM computes only
        // the operand stack's size, and the JVM verifies the class by type inference instead.
        // Computing frames was about half of a cold compile's work: the first compile of a run
        // took 22-32 ms instead of 40-67 (fib's function, 3 fresh JVMs each, without the
        // class-data archive; with it a first compile takes a few ms either way).
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V1_5, ACC_FINAL | ACC_SUPER, className, null, OBJECT,
                new String[] {Type.getInternalName(CompiledCode.class)});
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "run",
                "(L" + INTERPRETER + ";L" + FRAME_CLASS + ";I)V", null, null);
        mv.visitCode();
        method();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static int ref(int slot) {
        return FIRST_SLOT + 3 * slot;
    }

    private static int bits(int slot) {
        return FIRST_SLOT + 3 * slot + 1;
    }

    private void method() {
        // Prologue: every local typed once, so that the verifier sees one type per local on all paths.
        mv.visitVarInsn(ALOAD, FRAME);
        mv.visitFieldInsn(GETFIELD, FRAME_CLASS, "base", "I");
        mv.visitVarInsn(ISTORE, BASE);
        mv.visitVarInsn(ALOAD, IN);
        mv.visitFieldInsn(GETFIELD, INTERPRETER, "budget", "I");
        mv.visitVarInsn(ISTORE, BUDGET);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, PC);
        mv.visitVarInsn(ALOAD, FRAME);
        mv.visitFieldInsn(GETFIELD, FRAME_CLASS, "code", "L" + Type.getInternalName(Code.class) + ";");
        mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(Code.class), "constants", "()[Ljava/lang/Object;", false);
        mv.visitVarInsn(ASTORE, CONSTANTS);
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, THROWN);
        for (int i = 0; i < code.frameSize(); i++) {
            if (i < locals) {
                load(i);
            } else {
                mv.visitInsn(ACONST_NULL);
                mv.visitVarInsn(ASTORE, ref(i));
                mv.visitInsn(LCONST_0);
                mv.visitVarInsn(LSTORE, bits(i));
            }
        }
        Label start = new Label();
        Label end = new Label();
        Label thrown = new Label();
        mv.visitTryCatchBlock(start, end, thrown, null);
        mv.visitLabel(start);
        entrySwitch();
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            mv.visitLabel(labels[pc]);
            if (depth[pc] >= 0) {
                instruction(pc);
            }
        }
        mv.visitLabel(labels[ins.length]);
        // Never reached: a Toy function always ends in RETURN. Here for the verifier.
        mv.visitInsn(RETURN);
        mv.visitLabel(end);
        mv.visitLabel(thrown);
        handlers();
    }

    /**
     * Where anything thrown in the method goes: the interpreter finds the code's handler that
     * takes it ({@link Code#handlerFor}, as for an interpreted frame), and the code goes on
     * at its target with the error on the stack at its depth; when none takes it, the
     * interpreter pops the frame and throws it on.
     */
    private void handlers() {
        mv.visitVarInsn(ASTORE, THROWN);
        mv.visitVarInsn(ALOAD, IN);
        mv.visitVarInsn(ALOAD, FRAME);
        mv.visitVarInsn(ILOAD, PC);
        mv.visitVarInsn(ILOAD, BUDGET);
        mv.visitVarInsn(ALOAD, THROWN);
        mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "handlerFor",
                "(L" + FRAME_CLASS + ";IILjava/lang/Throwable;)I", false);
        int count = code.handlers().size();
        Label unreachable = new Label();
        Label[] landings = new Label[count];
        for (int i = 0; i < count; i++) {
            landings[i] = depth[code.handlers().get(i).target()] >= 0 ? new Label() : unreachable;
        }
        if (count > 0) {
            mv.visitTableSwitchInsn(0, count - 1, unreachable, landings);
        }
        for (int i = 0; i < count; i++) {
            Code.Handler h = code.handlers().get(i);
            if (landings[i] != unreachable) {
                mv.visitLabel(landings[i]);
                mv.visitVarInsn(ALOAD, IN);
                mv.visitFieldInsn(GETFIELD, INTERPRETER, "caughtError", "Ltoy/runtime/ToyError;");
                mv.visitVarInsn(ASTORE, ref(locals + h.depth()));
                mv.visitVarInsn(ALOAD, IN);
                mv.visitFieldInsn(GETFIELD, INTERPRETER, "budget", "I");
                mv.visitVarInsn(ISTORE, BUDGET);
                mv.visitJumpInsn(GOTO, labels[h.target()]);
            }
        }
        // handlerFor returns only the index of a handler whose code a path reaches.
        mv.visitLabel(unreachable);
        mv.visitVarInsn(ALOAD, THROWN);
        mv.visitInsn(ATHROW);
    }

    /** Jumps to offset {@code entry}: 0, or a loop header, after reading the stack slots live there. */
    private void entrySwitch() {
        mv.visitVarInsn(ILOAD, ENTRY);
        mv.visitJumpInsn(IFEQ, labels[0]);
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            if (loopHeader[pc] && depth[pc] >= 0) {
                Label next = new Label();
                mv.visitVarInsn(ILOAD, ENTRY);
                push(pc);
                mv.visitJumpInsn(IF_ICMPNE, next);
                for (int k = 0; k < depth[pc]; k++) {
                    load(locals + k);
                }
                mv.visitJumpInsn(GOTO, labels[pc]);
                mv.visitLabel(next);
            }
        }
        mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
        mv.visitInsn(ATHROW);
    }

    /** The budget for the instruction at pc alone: one, and the GIL's checkpoint when it runs out. */
    private void countOne(int pc) {
        Label covered = new Label();
        mv.visitIincInsn(BUDGET, -1);
        mv.visitVarInsn(ILOAD, BUDGET);
        mv.visitJumpInsn(IFGT, covered);
        mv.visitVarInsn(ALOAD, IN);
        mv.visitVarInsn(ALOAD, FRAME);
        push(pc);
        mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "compiledCheckpoint", "(L" + FRAME_CLASS + ";I)I", false);
        mv.visitVarInsn(ISTORE, BUDGET);
        mv.visitLabel(covered);
    }

    /**
     * The budget for the run of count instructions from pc ({@link BudgetRuns}): all charged
     * at once when it covers them, else the checkpoints that fall inside the run, taken here.
     */
    private void chargeRun(int pc, int count) {
        Label covered = new Label();
        mv.visitIincInsn(BUDGET, -count);
        mv.visitVarInsn(ILOAD, BUDGET);
        mv.visitJumpInsn(IFGT, covered);
        // If a checkpoint throws, the handlers find the instruction it stood before in the
        // frame, with the budget used up, as the interpreter's checkpoint leaves it; the run's
        // start is there first, for a StackOverflowError in the call itself.
        mv.visitVarInsn(ALOAD, FRAME);
        push(pc);
        mv.visitFieldInsn(PUTFIELD, FRAME_CLASS, "pc", "I");
        mv.visitVarInsn(ALOAD, IN);
        mv.visitVarInsn(ALOAD, FRAME);
        push(pc);
        mv.visitVarInsn(ILOAD, BUDGET);
        push(count);
        push(Interpreter.PC_IN_FRAME);
        mv.visitVarInsn(ISTORE, PC);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, BUDGET);
        mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "runCheckpoints", "(L" + FRAME_CLASS + ";III)I", false);
        mv.visitVarInsn(ISTORE, BUDGET);
        mv.visitLabel(covered);
    }

    private void instruction(int pc) {
        int op = ins[pc];
        int d = depth[pc];
        int top = locals + d - 1;
        int next = pc + Opcode.length(op);
        // The budget (BudgetRuns), and where a throw comes from, for the handlers: quiet
        // instructions do not throw, and a run of one is counted as the interpreter counts it,
        // its checkpoint throwing at pc.
        int run = runLengths[pc];
        if (run > 1) {
            chargeRun(pc, run);
        }
        if (run == 1 || !BudgetRuns.quiet(op)) {
            push(pc);
            mv.visitVarInsn(ISTORE, PC);
        }
        if (run == 1) {
            countOne(pc);
        }
        switch (op) {
            case Opcode.INT -> setInt(top + 1, () -> pushLong(ins[pc + 1]));
            case Opcode.CONST -> {
                Object constant = code.constants()[ins[pc + 1]];
                if (constant instanceof Long l) {
                    setInt(top + 1, () -> pushLong(l));
                } else {
                    mv.visitVarInsn(ALOAD, CONSTANTS);
                    push(ins[pc + 1]);
                    mv.visitInsn(AALOAD);
                    mv.visitVarInsn(ASTORE, ref(top + 1));
                }
            }
            case Opcode.NIL -> {
                mv.visitFieldInsn(GETSTATIC, "toy/runtime/Nil", "NIL", "Ltoy/runtime/Nil;");
                mv.visitVarInsn(ASTORE, ref(top + 1));
            }
            case Opcode.TRUE, Opcode.FALSE -> {
                bool(op == Opcode.TRUE);
                mv.visitVarInsn(ASTORE, ref(top + 1));
            }
            case Opcode.POP -> {
            }
            case Opcode.DUP2 -> {
                copy(top - 1, top + 1);
                copy(top, top + 2);
            }
            case Opcode.SWAP -> {
                int other = top - ins[pc + 1] + 1;
                // The top's pair waits on the JVM stack while the other slot moves up.
                mv.visitVarInsn(ALOAD, ref(top));
                mv.visitVarInsn(LLOAD, bits(top));
                copy(other, top);
                mv.visitVarInsn(LSTORE, bits(other));
                mv.visitVarInsn(ASTORE, ref(other));
            }
            case Opcode.LOAD_LOCAL -> copy(ins[pc + 1], top + 1);
            case Opcode.STORE_LOCAL -> copy(top, ins[pc + 1]);
            case Opcode.LOAD_CELL -> {
                mv.visitVarInsn(ALOAD, ref(ins[pc + 1]));
                mv.visitTypeInsn(CHECKCAST, CELL);
                mv.visitFieldInsn(GETFIELD, CELL, "value", OBJ);
                put(top + 1);
            }
            case Opcode.STORE_CELL -> {
                mv.visitVarInsn(ALOAD, ref(ins[pc + 1]));
                mv.visitTypeInsn(CHECKCAST, CELL);
                box(top);
                mv.visitFieldInsn(PUTFIELD, CELL, "value", OBJ);
            }
            case Opcode.NEW_CELL -> newCell(ins[pc + 1], () -> box(top));
            case Opcode.EMPTY_CELL -> newCell(ins[pc + 1], () -> mv.visitInsn(ACONST_NULL));
            case Opcode.LOAD_FREE -> {
                Label bound = new Label();
                free(ins[pc + 1]);
                mv.visitFieldInsn(GETFIELD, CELL, "value", OBJ);
                mv.visitInsn(DUP);
                mv.visitJumpInsn(IFNONNULL, bound);
                // An empty cell (a variable declared further down): the interpreter's NameError.
                mv.visitInsn(POP);
                mv.visitVarInsn(ALOAD, FRAME);
                push(ins[pc + 1]);
                mv.visitMethodInsn(INVOKESTATIC, INTERPRETER, "bound", "(L" + FRAME_CLASS + ";I)" + OBJ, false);
                mv.visitLabel(bound);
                put(top + 1);
            }
            case Opcode.STORE_FREE -> {
                free(ins[pc + 1]);
                box(top);
                mv.visitFieldInsn(PUTFIELD, CELL, "value", OBJ);
            }
            case Opcode.LOAD_GLOBAL -> {
                mv.visitVarInsn(ALOAD, IN);
                push(ins[pc + 1]);
                push(pc);
                mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "loadGlobal", "(II)" + OBJ, false);
                put(top + 1);
            }
            case Opcode.STORE_GLOBAL, Opcode.DEFINE_GLOBAL -> {
                mv.visitVarInsn(ALOAD, IN);
                push(ins[pc + 1]);
                box(top);
                if (op == Opcode.STORE_GLOBAL) {
                    // Its offset, for the NameError of a global not defined yet.
                    push(pc);
                    mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "storeGlobal", "(I" + OBJ + "I)V", false);
                } else {
                    mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "defineGlobal", "(I" + OBJ + ")V", false);
                }
            }
            case Opcode.ADD, Opcode.INPLACE_ADD -> intArithmetic(op, top - 1, "addInt");
            case Opcode.SUB -> intArithmetic(op, top - 1, "subInt");
            case Opcode.MUL, Opcode.INPLACE_MUL -> intArithmetic(op, top - 1, "mulInt");
            case Opcode.FLOOR_DIV -> intArithmetic(op, top - 1, "floordivInt");
            case Opcode.MOD -> intArithmetic(op, top - 1, "modInt");
            case Opcode.DIV, Opcode.POW -> {
                generalArithmetic(op, top - 1);
                put(top - 1);
            }
            case Opcode.NEG -> {
                Label slow = new Label();
                Label done = new Label();
                mv.visitVarInsn(ALOAD, ref(top));
                mv.visitJumpInsn(IFNONNULL, slow);
                mv.visitVarInsn(LLOAD, bits(top));
                mv.visitMethodInsn(INVOKESTATIC, ARITH, "negInt", "(J)J", false);
                mv.visitVarInsn(LSTORE, bits(top));
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(slow);
                box(top);
                mv.visitMethodInsn(INVOKESTATIC, ARITH, "neg", "(" + OBJ + ")" + OBJ, false);
                put(top);
                mv.visitLabel(done);
            }
            case Opcode.NOT -> {
                Label truthy = new Label();
                Label falsy = new Label();
                Label done = new Label();
                branchOnTruth(top, truthy, falsy, false);
                mv.visitLabel(truthy);
                bool(false);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(falsy);
                bool(true);
                mv.visitLabel(done);
                mv.visitVarInsn(ASTORE, ref(top));
            }
            case Opcode.COMPARE -> {
                Label yes = new Label();
                Label no = new Label();
                Label done = new Label();
                compareAndBranch(ins[pc + 1], top - 1, top, yes, no, false);
                mv.visitLabel(yes);
                bool(true);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(no);
                bool(false);
                mv.visitLabel(done);
                mv.visitVarInsn(ASTORE, ref(top - 1));
            }
            case Opcode.IN, Opcode.NOT_IN -> {
                box(top);
                box(top - 1);
                mv.visitMethodInsn(INVOKESTATIC, OPERATIONS, "contains", "(" + OBJ + OBJ + ")Z", false);
                Label no = new Label();
                Label done = new Label();
                mv.visitJumpInsn(IFEQ, no);
                bool(op == Opcode.IN);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(no);
                bool(op != Opcode.IN);
                mv.visitLabel(done);
                mv.visitVarInsn(ASTORE, ref(top - 1));
            }
            case Opcode.JUMP -> mv.visitJumpInsn(GOTO, labels[ins[pc + 1]]);
            case Opcode.JUMP_IF_FALSE, Opcode.JUMP_IF_FALSE_OR_POP -> branchOnTruth(top, labels[next], labels[ins[pc + 1]], false);
            case Opcode.JUMP_IF_TRUE, Opcode.JUMP_IF_TRUE_OR_POP ->
                    branchOnTruth(top, labels[ins[pc + 1]], labels[next], jumpsBack(pc, ins[pc + 1]));
            case Opcode.JUMP_IF -> fusedJump(ins[pc + 1], top - 1, top, pc, ins[pc + 2], labels[next]);
            case Opcode.JUMP_IF_LOCALS -> fusedJump(ins[pc + 3], ins[pc + 1], ins[pc + 2], pc, ins[pc + 4], labels[next]);
            case Opcode.JUMP_IF_LOCAL_INT -> {
                // The constant goes through a scratch slot, the one above the stack's top.
                int scratch = top + 1;
                setInt(scratch, () -> pushLong(ins[pc + 2]));
                fusedJump(ins[pc + 3], ins[pc + 1], scratch, pc, ins[pc + 4], labels[next]);
            }
            case Opcode.ADD_LOCAL_INT -> {
                int slot = ins[pc + 1];
                Label slow = new Label();
                Label done = new Label();
                mv.visitVarInsn(ALOAD, ref(slot));
                mv.visitJumpInsn(IFNONNULL, slow);
                mv.visitVarInsn(LLOAD, bits(slot));
                pushLong(ins[pc + 2]);
                mv.visitMethodInsn(INVOKESTATIC, ARITH, "addInt", "(JJ)J", false);
                mv.visitVarInsn(LSTORE, bits(slot));
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(slow);
                box(slot);
                pushLong(ins[pc + 2]);
                mv.visitMethodInsn(INVOKESTATIC, LONG, "valueOf", "(J)Ljava/lang/Long;", false);
                mv.visitMethodInsn(INVOKESTATIC, ARITH, "add", "(" + OBJ + OBJ + ")" + OBJ, false);
                put(slot);
                mv.visitLabel(done);
            }
            case Opcode.BUILD_LIST -> build(top, ins[pc + 1], "list", "Ltoy/runtime/ToyList;");
            case Opcode.BUILD_MAP -> build(top, 2 * ins[pc + 1], "map", "Ltoy/runtime/ToyMap;");
            case Opcode.INDEX -> {
                Label slow = new Label();
                Label done = new Label();
                mv.visitVarInsn(ALOAD, ref(top));
                mv.visitJumpInsn(IFNONNULL, slow);
                box(top - 1);
                mv.visitVarInsn(LLOAD, bits(top));
                mv.visitMethodInsn(INVOKESTATIC, INDEXING, "getAt", "(" + OBJ + "J)" + OBJ, false);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(slow);
                box(top - 1);
                box(top);
                mv.visitMethodInsn(INVOKESTATIC, OPERATIONS, "index", "(" + OBJ + OBJ + ")" + OBJ, false);
                mv.visitLabel(done);
                put(top - 1);
            }
            case Opcode.STORE_INDEX -> {
                Label slow = new Label();
                Label done = new Label();
                mv.visitVarInsn(ALOAD, ref(top - 1));
                mv.visitJumpInsn(IFNONNULL, slow);
                box(top - 2);
                mv.visitVarInsn(LLOAD, bits(top - 1));
                box(top);
                mv.visitMethodInsn(INVOKESTATIC, INDEXING, "setAt", "(" + OBJ + "J" + OBJ + ")V", false);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(slow);
                box(top - 2);
                box(top - 1);
                box(top);
                mv.visitMethodInsn(INVOKESTATIC, OPERATIONS, "storeIndex", "(" + OBJ + OBJ + OBJ + ")V", false);
                mv.visitLabel(done);
            }
            case Opcode.SLICE -> {
                box(top - 2);
                box(top - 1);
                box(top);
                mv.visitMethodInsn(INVOKESTATIC, OPERATIONS, "slice", "(" + OBJ + OBJ + OBJ + ")" + OBJ, false);
                put(top - 2);
            }
            case Opcode.LIST_APPEND -> {
                mv.visitVarInsn(ALOAD, ref(top - 1 - ins[pc + 1]));
                mv.visitTypeInsn(CHECKCAST, "toy/runtime/ToyList");
                box(top);
                mv.visitMethodInsn(INVOKEVIRTUAL, "toy/runtime/ToyList", "add", "(" + OBJ + ")V", false);
            }
            case Opcode.MAP_PUT -> {
                mv.visitVarInsn(ALOAD, ref(top - 2 - ins[pc + 1]));
                mv.visitTypeInsn(CHECKCAST, "toy/runtime/ToyMap");
                box(top - 1);
                box(top);
                mv.visitMethodInsn(INVOKEVIRTUAL, "toy/runtime/ToyMap", "put", "(" + OBJ + OBJ + ")V", false);
            }
            case Opcode.FORMAT -> {
                box(top);
                mv.visitVarInsn(ALOAD, CONSTANTS);
                push(ins[pc + 1]);
                mv.visitInsn(AALOAD);
                mv.visitTypeInsn(CHECKCAST, "java/lang/String");
                mv.visitMethodInsn(INVOKESTATIC, "toy/runtime/Format", "format", "(" + OBJ + "Ljava/lang/String;)Ljava/lang/String;", false);
                mv.visitVarInsn(ASTORE, ref(top));
            }
            case Opcode.REPR -> {
                box(top);
                mv.visitMethodInsn(INVOKESTATIC, "toy/runtime/Values", "repr", "(" + OBJ + ")Ljava/lang/String;", false);
                mv.visitVarInsn(ASTORE, ref(top));
            }
            case Opcode.BUILD_STRING -> build(top, ins[pc + 1], "concat", "Ljava/lang/String;");
            case Opcode.GET_ATTR -> {
                box(top);
                mv.visitLdcInsn(code.names()[ins[pc + 1]]);
                mv.visitMethodInsn(INVOKESTATIC, OPERATIONS, "attribute", "(" + OBJ + "Ljava/lang/String;)" + OBJ, false);
                put(top);
            }
            case Opcode.CALL -> call(pc, next, top - ins[pc + 1], ins[pc + 1]);
            case Opcode.CALL_METHOD -> callMethod(pc, next, top - ins[pc + 2], code.names()[ins[pc + 1]], ins[pc + 2]);
            case Opcode.RETURN -> {
                mv.visitVarInsn(ALOAD, IN);
                mv.visitVarInsn(ILOAD, BUDGET);
                mv.visitVarInsn(ALOAD, ref(top));
                mv.visitVarInsn(LLOAD, bits(top));
                mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "returnCompiled", "(I" + OBJ + "J)V", false);
                mv.visitInsn(RETURN);
            }
            case Opcode.GET_ITER -> {
                box(top);
                mv.visitMethodInsn(INVOKESTATIC, OPERATIONS, "iterator", "(" + OBJ + ")" + OBJ, false);
                mv.visitVarInsn(ASTORE, ref(top));
            }
            case Opcode.FOR_ITER -> forIter(top, labels[ins[pc + 1]], labels[next]);
            default -> interpret(pc, op, d, next);
        }
    }

    /**
     * BUILD_LIST, BUILD_MAP, BUILD_STRING: the count slots up to top, boxed, to the
     * {@link Operations} method of that name, whose result (of the given JVM type, never an
     * int) goes into the first of them.
     */
    private void build(int top, int count, String method, String resultType) {
        boxArray(top - count + 1, count);
        mv.visitMethodInsn(INVOKESTATIC, OPERATIONS, method, "([" + OBJ + ")" + resultType, false);
        mv.visitVarInsn(ASTORE, ref(top - count + 1));
    }

    /**
     * A Toy call: a Toy function runs in a new frame, compiled or not; a builtin called with one
     * argument that has code for that ({@link Builtin#oneArgument()}) gets it without an array;
     * anything else goes through the VM. The one-argument call is an interface call at this
     * site, whose own type profile lets HotSpot inline the builtin's code here.
     */
    private void call(int pc, int next, int callee, int count) {
        handsBudgetOn[pc] = true;
        Label other = new Label();
        Label done = new Label();
        mv.visitVarInsn(ALOAD, ref(callee));
        mv.visitTypeInsn(INSTANCEOF, FUNCTION);
        mv.visitJumpInsn(IFEQ, other);
        for (int i = 1; i <= count; i++) {
            store(callee + i);
        }
        mv.visitVarInsn(ALOAD, IN);
        mv.visitVarInsn(ALOAD, FRAME);
        push(next);
        mv.visitVarInsn(ILOAD, BUDGET);
        mv.visitVarInsn(ALOAD, ref(callee));
        mv.visitTypeInsn(CHECKCAST, FUNCTION);
        push(count);
        push(callee + 1);
        mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "callCompiled",
                "(L" + FRAME_CLASS + ";IIL" + FUNCTION + ";II)I", false);
        mv.visitVarInsn(ISTORE, BUDGET);
        load(callee);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(other);
        syncOut(next);
        if (count == 1) {
            Label noCode = new Label();
            Label called = new Label();
            mv.visitVarInsn(ALOAD, ref(callee));
            mv.visitMethodInsn(INVOKESTATIC, OPERATIONS, "oneArgument", "(" + OBJ + ")L" + ONE_ARGUMENT + ";", false);
            mv.visitInsn(DUP);
            mv.visitJumpInsn(IFNULL, noCode);
            box(callee + 1);
            mv.visitMethodInsn(INVOKEINTERFACE, ONE_ARGUMENT, "call", "(" + OBJ + ")" + OBJ, true);
            mv.visitJumpInsn(GOTO, called);
            mv.visitLabel(noCode);
            mv.visitInsn(POP);
            generalCall(callee, count);
            mv.visitLabel(called);
        } else {
            generalCall(callee, count);
        }
        syncIn();
        put(callee);
        mv.visitLabel(done);
    }

    /** The result of calling slot callee with count arguments through the VM, on the JVM stack. */
    private void generalCall(int callee, int count) {
        mv.visitVarInsn(ALOAD, IN);
        mv.visitFieldInsn(GETFIELD, INTERPRETER, "vm", "L" + VM + ";");
        mv.visitVarInsn(ALOAD, IN);
        box(callee);
        boxArray(callee + 1, count);
        mv.visitFieldInsn(GETSTATIC, KEYWORDS, "NONE", "L" + KEYWORDS + ";");
        mv.visitMethodInsn(INVOKEVIRTUAL, VM, "callValue",
                "(L" + INTERPRETER + ";" + OBJ + "[" + OBJ + "L" + KEYWORDS + ";)" + OBJ, false);
    }

    /**
     * {@code receiver.name(args)} with count positional arguments: a method specialized for
     * that name and count ({@link QuickMethods}) gets the values one by one; any other goes by
     * name, with the arguments in an array, to the method tables ({@link Operations#callMethod}).
     */
    private void callMethod(int pc, int next, int receiver, String name, int count) {
        handsBudgetOn[pc] = true;
        syncOut(next);
        mv.visitVarInsn(ALOAD, IN);
        mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "caller", "()Ltoy/runtime/Caller;", false);
        box(receiver);
        if (QuickMethods.has(name, count)) {
            for (int i = 1; i <= count; i++) {
                box(receiver + i);
            }
            mv.visitMethodInsn(INVOKESTATIC, QUICK_METHODS, name,
                    "(Ltoy/runtime/Caller;" + OBJ + OBJ.repeat(count) + ")" + OBJ, false);
        } else {
            mv.visitLdcInsn(name);
            boxArray(receiver + 1, count);
            mv.visitFieldInsn(GETSTATIC, KEYWORDS, "NONE", "L" + KEYWORDS + ";");
            mv.visitMethodInsn(INVOKESTATIC, OPERATIONS, "callMethod",
                    "(Ltoy/runtime/Caller;" + OBJ + "Ljava/lang/String;[" + OBJ + "L" + KEYWORDS + ";)" + OBJ, false);
        }
        syncIn();
        put(receiver);
    }

    /**
     * An instruction without a pattern: the interpreter's step runs it on the frame's slots.
     * Of the locals, only a closure's captured cells are read there (by MAKE_FUNCTION); the
     * rest of step's work is on the operand stack.
     */
    private void interpret(int pc, int op, int d, int next) {
        if (Opcode.jumps(op)) {
            throw new IllegalStateException("no pattern for " + Opcode.name(op));
        }
        handsBudgetOn[pc] = true;
        int live = locals + d;
        for (int i = locals; i < live; i++) {
            store(i);
        }
        if (op == Opcode.MAKE_FUNCTION || op == Opcode.MAKE_FUNCTION_DEFS) {
            for (int source : ((Code) code.constants()[ins[pc + 1]]).freeSources()) {
                if (source >= 0) {
                    store(source);
                }
            }
        }
        mv.visitVarInsn(ALOAD, IN);
        mv.visitVarInsn(ALOAD, FRAME);
        push(op);
        push(pc + 1);
        push(live);
        mv.visitVarInsn(ILOAD, BUDGET);
        mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "stepCompiled", "(L" + FRAME_CLASS + ";IIII)I", false);
        mv.visitVarInsn(ISTORE, BUDGET);
        if (op == Opcode.RAISE || op == Opcode.WITH_ABORT) {
            // step threw; the verifier still wants a path onwards.
            mv.visitInsn(RETURN);
            return;
        }
        int after = locals + d + Opcode.stackEffect(op, ins, pc);
        for (int i = locals; i < after; i++) {
            load(i);
        }
    }

    private void forIter(int iterator, Label done, Label next) {
        Label general = new Label();
        mv.visitVarInsn(ALOAD, ref(iterator));
        mv.visitTypeInsn(INSTANCEOF, RANGE_ITERATOR);
        mv.visitJumpInsn(IFEQ, general);
        mv.visitVarInsn(ALOAD, ref(iterator));
        mv.visitTypeInsn(CHECKCAST, RANGE_ITERATOR);
        mv.visitMethodInsn(INVOKEVIRTUAL, RANGE_ITERATOR, "hasNext", "()Z", false);
        mv.visitJumpInsn(IFEQ, done);
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, ref(iterator + 1));
        mv.visitVarInsn(ALOAD, ref(iterator));
        mv.visitTypeInsn(CHECKCAST, RANGE_ITERATOR);
        mv.visitMethodInsn(INVOKEVIRTUAL, RANGE_ITERATOR, "nextLong", "()J", false);
        mv.visitVarInsn(LSTORE, bits(iterator + 1));
        mv.visitJumpInsn(GOTO, next);
        mv.visitLabel(general);
        mv.visitVarInsn(ALOAD, ref(iterator));
        mv.visitTypeInsn(CHECKCAST, TOY_ITERATOR);
        mv.visitMethodInsn(INVOKEINTERFACE, TOY_ITERATOR, "hasNext", "()Z", true);
        mv.visitJumpInsn(IFEQ, done);
        mv.visitVarInsn(ALOAD, ref(iterator));
        mv.visitTypeInsn(CHECKCAST, TOY_ITERATOR);
        mv.visitMethodInsn(INVOKEINTERFACE, TOY_ITERATOR, "next", "()" + OBJ, true);
        put(iterator + 1);
    }

    /** {@code a op b} into slot a: in place for two ints (Arith's overflow check), else the generic path. */
    private void intArithmetic(int op, int a, String intMethod) {
        Label slow = new Label();
        Label done = new Label();
        mv.visitVarInsn(ALOAD, ref(a));
        mv.visitJumpInsn(IFNONNULL, slow);
        mv.visitVarInsn(ALOAD, ref(a + 1));
        mv.visitJumpInsn(IFNONNULL, slow);
        mv.visitVarInsn(LLOAD, bits(a));
        mv.visitVarInsn(LLOAD, bits(a + 1));
        mv.visitMethodInsn(INVOKESTATIC, ARITH, intMethod, "(JJ)J", false);
        mv.visitVarInsn(LSTORE, bits(a));
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        generalArithmetic(op, a);
        put(a);
        mv.visitLabel(done);
    }

    /** {@code a op b} of slots a and a + 1 by the interpreter's general path, the result on the JVM stack. */
    private void generalArithmetic(int op, int a) {
        push(op);
        mv.visitVarInsn(ALOAD, ref(a));
        mv.visitVarInsn(LLOAD, bits(a));
        mv.visitVarInsn(ALOAD, ref(a + 1));
        mv.visitVarInsn(LLOAD, bits(a + 1));
        mv.visitMethodInsn(INVOKESTATIC, INTERPRETER, "arithmetic", "(I" + OBJ + "J" + OBJ + "J)" + OBJ, false);
    }

    /**
     * Jumps to yes if comparison test of slots a and b holds, else to no; for two ints, to yes
     * by an unconditional jump when {@code yesByJump} ({@link #loopsCloseByJump}).
     */
    private void compareAndBranch(int test, int a, int b, Label yes, Label no, boolean yesByJump) {
        Label slow = new Label();
        mv.visitVarInsn(ALOAD, ref(a));
        mv.visitJumpInsn(IFNONNULL, slow);
        mv.visitVarInsn(ALOAD, ref(b));
        mv.visitJumpInsn(IFNONNULL, slow);
        mv.visitVarInsn(LLOAD, bits(a));
        mv.visitVarInsn(LLOAD, bits(b));
        mv.visitInsn(LCMP);
        // Two ints' order is total: the opposite comparison is the test's negation.
        intBranch(intCondition(test & 7), intCondition(opposite(test & 7)), yes, no, yesByJump);
        mv.visitLabel(slow);
        // The comparison's own method of Values (== and != both by equal), not a switch on the test per call.
        int comparison = test & 7;
        box(a);
        box(b);
        mv.visitMethodInsn(INVOKESTATIC, VALUES, switch (comparison) {
            case Comparison.EQ, Comparison.NE -> "equal";
            case Comparison.LT -> "lt";
            case Comparison.LE -> "le";
            case Comparison.GT -> "gt";
            case Comparison.GE -> "ge";
            default -> throw new IllegalStateException("comparison " + comparison);
        }, "(" + OBJ + OBJ + ")Z", false);
        mv.visitJumpInsn(comparison == Comparison.NE ? IFEQ : IFNE, yes);
        mv.visitJumpInsn(GOTO, no);
    }

    /**
     * A fused compare-and-branch at pc: to offset target when the comparison's outcome is the
     * one the test branches on.
     */
    private void fusedJump(int test, int a, int b, int pc, int target, Label next) {
        if ((test & Comparison.WHEN_FALSE) != 0) {
            // Its jump to target is already unconditional.
            compareAndBranch(test, a, b, next, labels[target], false);
        } else {
            compareAndBranch(test, a, b, labels[target], next, jumpsBack(pc, target));
        }
    }

    /**
     * On the int the JVM stack's top: to yes if {@code condition} (an IF instruction) holds, else
     * to no; to yes by an unconditional jump, past {@code opposite} to no, when {@code yesByJump}.
     */
    private void intBranch(int condition, int opposite, Label yes, Label no, boolean yesByJump) {
        if (yesByJump) {
            mv.visitJumpInsn(opposite, no);
            mv.visitJumpInsn(GOTO, yes);
        } else {
            mv.visitJumpInsn(condition, yes);
            mv.visitJumpInsn(GOTO, no);
        }
    }

    /** Whether the jump at pc to target closes a loop by an unconditional jump ({@link #loopsCloseByJump}). */
    private boolean jumpsBack(int pc, int target) {
        return loopsCloseByJump && target <= pc;
    }

    private static int opposite(int comparison) {
        return switch (comparison) {
            case Comparison.EQ -> Comparison.NE;
            case Comparison.NE -> Comparison.EQ;
            case Comparison.LT -> Comparison.GE;
            case Comparison.LE -> Comparison.GT;
            case Comparison.GT -> Comparison.LE;
            case Comparison.GE -> Comparison.LT;
            default -> throw new IllegalStateException("comparison " + comparison);
        };
    }

    private static int intCondition(int comparison) {
        return switch (comparison) {
            case Comparison.EQ -> IFEQ;
            case Comparison.NE -> IFNE;
            case Comparison.LT -> IFLT;
            case Comparison.LE -> IFLE;
            case Comparison.GT -> IFGT;
            case Comparison.GE -> IFGE;
            default -> throw new IllegalStateException("comparison " + comparison);
        };
    }

    /**
     * Jumps to truthy or falsy by the truth of slot i (Python's rules, via Operations.truthy for
     * the rare kinds); for an int or a bool, to truthy by an unconditional jump when
     * {@code truthyByJump} ({@link #loopsCloseByJump}).
     */
    private void branchOnTruth(int i, Label truthy, Label falsy, boolean truthyByJump) {
        Label reference = new Label();
        mv.visitVarInsn(ALOAD, ref(i));
        mv.visitJumpInsn(IFNONNULL, reference);
        mv.visitVarInsn(LLOAD, bits(i));
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        intBranch(IFNE, IFEQ, truthy, falsy, truthyByJump);
        mv.visitLabel(reference);
        mv.visitVarInsn(ALOAD, ref(i));
        bool(true);
        if (truthyByJump) {
            Label notTrue = new Label();
            mv.visitJumpInsn(IF_ACMPNE, notTrue);
            mv.visitJumpInsn(GOTO, truthy);
            mv.visitLabel(notTrue);
        } else {
            mv.visitJumpInsn(IF_ACMPEQ, truthy);
        }
        mv.visitVarInsn(ALOAD, ref(i));
        bool(false);
        mv.visitJumpInsn(IF_ACMPEQ, falsy);
        mv.visitVarInsn(ALOAD, ref(i));
        mv.visitMethodInsn(INVOKESTATIC, OPERATIONS, "truthy", "(" + OBJ + ")Z", false);
        mv.visitJumpInsn(IFNE, truthy);
        mv.visitJumpInsn(GOTO, falsy);
    }

    /** Before a call that can run Toy code: where the frame is and what is left of the budget, for the callee. */
    private void syncOut(int next) {
        mv.visitVarInsn(ALOAD, FRAME);
        push(next);
        mv.visitFieldInsn(PUTFIELD, FRAME_CLASS, "pc", "I");
        mv.visitVarInsn(ALOAD, IN);
        mv.visitVarInsn(ILOAD, BUDGET);
        mv.visitFieldInsn(PUTFIELD, INTERPRETER, "budget", "I");
    }

    /** After such a call: the budget the callee left. */
    private void syncIn() {
        mv.visitVarInsn(ALOAD, IN);
        mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "resumeCompiled", "()I", false);
        mv.visitVarInsn(ISTORE, BUDGET);
    }

    /** The cell of free variable i of the running function, on the JVM stack. */
    /** A new cell in local {@code slot}, holding what {@code value} pushes (a boxed value, or null: no value yet). */
    private void newCell(int slot, Runnable value) {
        mv.visitTypeInsn(NEW, CELL);
        mv.visitInsn(DUP);
        value.run();
        mv.visitMethodInsn(INVOKESPECIAL, CELL, "<init>", "(" + OBJ + ")V", false);
        mv.visitVarInsn(ASTORE, ref(slot));
    }

    private void free(int i) {
        mv.visitVarInsn(ALOAD, FRAME);
        mv.visitFieldInsn(GETFIELD, FRAME_CLASS, "function", "L" + FUNCTION + ";");
        mv.visitFieldInsn(GETFIELD, FUNCTION, "free", "[L" + CELL + ";");
        push(i);
        mv.visitInsn(AALOAD);
    }

    /** Slot i's value as a Toy value on the JVM stack: an int boxed as Long. */
    private void box(int i) {
        Label done = new Label();
        mv.visitVarInsn(ALOAD, ref(i));
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNONNULL, done);
        mv.visitInsn(POP);
        mv.visitVarInsn(LLOAD, bits(i));
        mv.visitMethodInsn(INVOKESTATIC, LONG, "valueOf", "(J)Ljava/lang/Long;", false);
        mv.visitLabel(done);
    }

    /** A new Object[] of the boxed values of count slots from first, on the JVM stack. */
    private void boxArray(int first, int count) {
        push(count);
        mv.visitTypeInsn(ANEWARRAY, OBJECT);
        for (int i = 0; i < count; i++) {
            mv.visitInsn(DUP);
            push(i);
            box(first + i);
            mv.visitInsn(AASTORE);
        }
    }

    /** Stores the Toy value on the JVM stack into slot i, unboxing an int. */
    private void put(int i) {
        Label reference = new Label();
        Label done = new Label();
        mv.visitInsn(DUP);
        mv.visitTypeInsn(INSTANCEOF, LONG);
        mv.visitJumpInsn(IFEQ, reference);
        mv.visitTypeInsn(CHECKCAST, LONG);
        mv.visitMethodInsn(INVOKEVIRTUAL, LONG, "longValue", "()J", false);
        mv.visitVarInsn(LSTORE, bits(i));
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, ref(i));
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(reference);
        mv.visitVarInsn(ASTORE, ref(i));
        mv.visitLabel(done);
    }

    private void setInt(int i, Runnable pushValue) {
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, ref(i));
        pushValue.run();
        mv.visitVarInsn(LSTORE, bits(i));
    }

    private void copy(int from, int to) {
        mv.visitVarInsn(ALOAD, ref(from));
        mv.visitVarInsn(ASTORE, ref(to));
        mv.visitVarInsn(LLOAD, bits(from));
        mv.visitVarInsn(LSTORE, bits(to));
    }

    /** Slot i of the frame, from the interpreter's arrays into its JVM locals. */
    private void load(int i) {
        mv.visitVarInsn(ALOAD, IN);
        mv.visitFieldInsn(GETFIELD, INTERPRETER, "s", "[" + OBJ);
        slotIndex(i);
        mv.visitInsn(AALOAD);
        mv.visitVarInsn(ASTORE, ref(i));
        mv.visitVarInsn(ALOAD, IN);
        mv.visitFieldInsn(GETFIELD, INTERPRETER, "p", "[J");
        slotIndex(i);
        mv.visitInsn(LALOAD);
        mv.visitVarInsn(LSTORE, bits(i));
    }

    /** Slot i of the frame, from its JVM locals into the interpreter's arrays. */
    private void store(int i) {
        mv.visitVarInsn(ALOAD, IN);
        mv.visitFieldInsn(GETFIELD, INTERPRETER, "s", "[" + OBJ);
        slotIndex(i);
        mv.visitVarInsn(ALOAD, ref(i));
        mv.visitInsn(AASTORE);
        mv.visitVarInsn(ALOAD, IN);
        mv.visitFieldInsn(GETFIELD, INTERPRETER, "p", "[J");
        slotIndex(i);
        mv.visitVarInsn(LLOAD, bits(i));
        mv.visitInsn(LASTORE);
    }

    private void slotIndex(int i) {
        mv.visitVarInsn(ILOAD, BASE);
        push(i);
        mv.visitInsn(IADD);
    }

    private void bool(boolean value) {
        mv.visitFieldInsn(GETSTATIC, BOOLEAN, value ? "TRUE" : "FALSE", "Ljava/lang/Boolean;");
    }

    private void push(int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    private void pushLong(long value) {
        if (value == 0 || value == 1) {
            mv.visitInsn(value == 0 ? LCONST_0 : LCONST_1);
        } else {
            mv.visitLdcInsn(value);
        }
    }
}
