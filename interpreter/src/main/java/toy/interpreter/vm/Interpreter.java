package toy.interpreter.vm;

import static toy.interpreter.bytecode.Opcode.*;

import java.util.Arrays;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Comparison;
import toy.interpreter.bytecode.Opcode;
import toy.runtime.Arith;
import toy.runtime.MemoryReserve;
import toy.runtime.Caller;
import toy.runtime.Format;
import toy.runtime.Indexing;
import toy.runtime.Keywords;
import toy.runtime.Nil;
import toy.runtime.RangeIterator;
import toy.runtime.ToyError;
import toy.runtime.ToyIterator;
import toy.runtime.ToyList;
import toy.runtime.ToyMap;
import toy.runtime.TracebackEntry;
import toy.runtime.observe.ThreadTrack;
import toy.runtime.Values;
import toy.runtime.threads.Gil;
import toy.runtime.threads.ThreadState;

/**
 * Executes bytecode for one Toy thread. It owns that thread's stack and frames; everything it
 * shares with other threads lives in the {@link Vm}.
 *
 * <p><b>Value representation.</b> The stack is two parallel arrays: {@code s} holds references
 * and {@code p} holds the bits of an int. A slot whose reference is Java null holds an int in
 * {@code p}, so integer arithmetic allocates nothing; every other value (float, str, nil, ...)
 * is a reference. Values leave the stack boxed ({@link #box}) and enter it through
 * {@link #put}, which unboxes ints. Locals are the first slots of a frame, so they share the
 * representation.
 *
 * <p><b>The hot loop.</b> {@link #run} is one switch over the opcode, with the frame's state
 * in Java locals. It does only the instructions that need no call, for ints and bools, and
 * sends everything else to {@link #step}; both stay far below HotSpot's 8000-byte limit for
 * JIT compilation (a test checks this). The only per-instruction cost beyond dispatch is the
 * budget decrement that leaves the loop when it runs out, as Lua's {@code trap}: every switch
 * interval for the GIL's checkpoint, and before every instruction when the thread is traced
 * ({@link #trap}; its budget is then 1). There is no second copy of the loop.
 */
public final class Interpreter {
    /** The VM (read by compiled code too). */
    final Vm vm;
    private final TracebackEntry start;
    private final Gil gil;
    private ThreadState thread;
    /** The slots' references (read and written by compiled code too). */
    Object[] s = new Object[256];
    /** The slots' int bits. */
    long[] p = new long[256];
    private Frame[] frames = new Frame[16];
    int depth;
    /** Instructions left before the next checkpoint (1 while stepping: see {@link #trap}). */
    int budget;
    /** Writes this thread's trace records, when it is traced; null otherwise. */
    private InstructionTracer tracer;
    /**
     * While stepping (tracing, or {@link #seeking}): instructions left before the GIL's
     * checkpoint (the real budget).
     */
    private int gilBudget;
    /** The second tier, or null when it is off. */
    private final Jit jit;
    /** How many compiled frames are running on this thread's Java stack; see {@link #MAX_COMPILED_NESTING}. */
    private int compiledNesting;
    /**
     * Instructions left to step through, one at a time, looking for a loop header where the
     * current frame's compiled code can take over; 0 when not looking.
     */
    private int seeking;
    /** The error a handler of a compiled frame takes, from {@link #handlerFor} to the handler's code. */
    ToyError caughtError;
    /**
     * Compiled frames call each other on the Java stack; past this many, calls run in the
     * interpreter, whose frames are on the heap, so that recursion stays bounded by the
     * recursion limit alone and never by the Java stack.
     */
    private static final int MAX_COMPILED_NESTING = 200;
    /** How far to step looking for a loop header before giving up until the next checkpoint. */
    private static final int SEEK_STEPS = 1000;
    /**
     * Instructions executed, for the stats, counted where budgets are given, never per
     * instruction: each budget given is added (it covers the instruction about to run and the
     * ones after it), and what is left of the last one is taken off when the code is done.
     */
    private long instructions;
    /** How builtins on this thread call back into Toy code ({@code key=}): the VM's own call path. */
    private final Caller caller = (callee, args) -> vm().callValue(this, callee, args, Keywords.NONE);
    /** Returned by {@link #run} when another frame is to run next. */
    private static final Object SWITCH_FRAME = new Object();

    /**
     * An interpreter for one thread, whose code starts at start: the script's first line for
     * MainThread, the {@code spawn} for a spawned thread, which is where the thread is said to
     * be ({@link #currentLocation}) until its first Toy frame is pushed, and for good when it
     * runs a builtin such as {@code spawn lock.acquire()}.
     */
    Interpreter(Vm vm, TracebackEntry start) {
        this.vm = vm;
        this.start = start;
        this.gil = vm.gil();
        this.budget = gil.budget();
        this.jit = vm.jit();
    }

    private Vm vm() {
        return vm;
    }

    Caller caller() {
        return caller;
    }

    /** The Toy thread this interpreter runs, for the GIL's bookkeeping; starts tracing if the thread is traced. */
    void bindThread(ThreadState thread) {
        this.thread = thread;
        thread.countInstructionsWith(this::instructionsExecuted);
        ThreadTrack track = thread.track();
        if (track != null && track.trace() != null) {
            tracer = new InstructionTracer(track.trace(), thread.name(), vm.globals);
            gilBudget = budget;
            budget = 1;
        }
    }

    /** Whether the budget is 1 per instruction and the real one is {@link #gilBudget}. */
    private boolean stepping() {
        return tracer != null || seeking > 0;
    }

    /**
     * Instructions this thread executed: exact once its code is done; read by the stats from
     * another thread while it still runs (after an exit() or at Ctrl-C), a snapshot that may be
     * off by up to one switch interval.
     */
    private long instructionsExecuted() {
        return depth == 0 ? instructions : instructions - (stepping() ? gilBudget : budget);
    }

    /** Calls a Toy function with boxed arguments and returns its boxed result. */
    public Object call(Function function, Object[] args) {
        int base = depth == 0 ? 0 : frames[depth - 1].base + frames[depth - 1].code.frameSize();
        ensureCapacity(base + 1 + args.length);
        s[base] = function;
        for (int i = 0; i < args.length; i++) {
            put(base + 1 + i, args[i]);
        }
        int entryDepth = depth;
        pushFrame(function, args.length, base + 1);
        if (entryDepth == 0) {
            instructions += stepping() ? gilBudget : budget;
        }
        try {
            return execute(entryDepth);
        } finally {
            if (entryDepth == 0) {
                instructions -= stepping() ? gilBudget : budget;
                // The next call from outside (a REPL input) takes the GIL's checkpoint before its
                // first instruction, as a budget of 1 makes the dispatch loop do, and adds that 1
                // to the count above; with 0 the checkpoint came all the same, but one
                // instruction of each such call went uncounted.
                if (stepping()) {
                    gilBudget = 1;
                } else {
                    budget = 1;
                }
            }
        }
    }

    /**
     * Runs frames until the one at {@code entryDepth + 1} returns; unwinds errors to a try
     * handler. A frame whose code is compiled runs in the compiled code when it is at an entry
     * (its start, or a loop header: see {@link #trap}).
     */
    private Object execute(int entryDepth) {
        for (;;) {
            try {
                Frame frame = frames[depth - 1];
                Compiled compiled = enterable(frame);
                if (compiled != null) {
                    int result = frame.base - 1;
                    resumeCompiled();
                    runCompiled(compiled, frame, frame.pc);
                    if (depth == entryDepth) {
                        return box(result);
                    }
                    frames[depth - 1].sp = result + 1;
                    continue;
                }
                Object result = run(frame, entryDepth);
                if (result != SWITCH_FRAME) {
                    return result;
                }
            } catch (ToyError | StackOverflowError | OutOfMemoryError thrown) {
                ToyError error = asToyError(thrown);
                if (depth == entryDepth) {
                    // Thrown by a compiled frame, which popped itself: nothing left here to unwind.
                    throw error;
                }
                Code.Handler handler = unwind(error, entryDepth);
                Frame catching = frames[depth - 1];
                catching.sp = catching.base + catching.code.localCount() + handler.depth();
                if (error.kind().equals("MemoryError")) {
                    releaseAbove(catching.sp);
                }
                s[catching.sp++] = error;
                catching.pc = handler.target();
            }
        }
    }

    /**
     * The dispatch loop, for one frame. Returns {@link #SWITCH_FRAME} when a call or a return
     * makes another frame current, or the entry frame's result. With one frame per invocation
     * the instructions, the frame base and the stack arrays never change inside the loop, and
     * only {@link #execute} switches frames.
     *
     * <p>Only the instructions that need no call are done here, and only for the operands
     * they are fast for (ints, bools); everything else goes to {@link #step}. Why: the JIT
     * compiles this loop for the instructions a program has run so far. With every case here,
     * a program that had run many kinds of instruction before a countdown got a loop compiled
     * around all their calls, with the loop's state in memory instead of registers: 50,000,000
     * steps took 0.31 to 0.42 s instead of 0.15 s. With the calls in {@code step} they take
     * 0.27 to 0.31 s; a countdown alone still takes 0.15 s (measured when this split was
     * made, before the second tier).
     */
    private Object run(Frame frame, int entryDepth) {
        final int[] ins = frame.code.instructions();
        final int base = frame.base;
        final Object[] s = this.s;
        final long[] p = this.p;
        int pc = frame.pc;
        int sp = frame.sp;
        int budget = this.budget;
        try {
            for (;;) {
                if (--budget <= 0) {
                    frame.pc = pc;
                    budget = stepping() ? trap(frame, sp) : checkpoint(frame);
                    if (budget < 0) {
                        // The compiled code takes over here, a loop header: execute runs it.
                        frame.sp = sp;
                        this.budget = -budget;
                        return SWITCH_FRAME;
                    }
                }
                int op = ins[pc++];
                switch (op) {
                    case INT -> {
                        s[sp] = null;
                        p[sp++] = ins[pc++];
                        continue;
                    }
                    case NIL -> {
                        s[sp++] = Nil.NIL;
                        continue;
                    }
                    case TRUE -> {
                        s[sp++] = Boolean.TRUE;
                        continue;
                    }
                    case FALSE -> {
                        s[sp++] = Boolean.FALSE;
                        continue;
                    }
                    case POP -> {
                        sp--;
                        continue;
                    }
                    case LOAD_LOCAL -> {
                        int slot = base + ins[pc++];
                        s[sp] = s[slot];
                        p[sp++] = p[slot];
                        continue;
                    }
                    case STORE_LOCAL -> {
                        int slot = base + ins[pc++];
                        s[slot] = s[--sp];
                        p[slot] = p[sp];
                        continue;
                    }
                    case LOAD_GLOBAL -> {
                        Object v = vm.globals.values[ins[pc]];
                        if (v instanceof Long l) {
                            s[sp] = null;
                            p[sp++] = l;
                            pc++;
                            continue;
                        } else if (v != null) {
                            s[sp++] = v;
                            pc++;
                            continue;
                        }
                    }
                    case STORE_GLOBAL -> {
                        Object[] globals = vm.globals.values;
                        int slot = ins[pc];
                        if (globals[slot] != null) {
                            Object v = s[--sp];
                            globals[slot] = v != null ? v : Long.valueOf(p[sp]);
                            pc++;
                            continue;
                        }
                    }
                    case ADD, INPLACE_ADD -> {
                        if (s[sp - 2] == null && s[sp - 1] == null) {
                            sp--;
                            p[sp - 1] = Arith.addInt(p[sp - 1], p[sp]);
                            continue;
                        }
                    }
                    case SUB -> {
                        if (s[sp - 2] == null && s[sp - 1] == null) {
                            sp--;
                            p[sp - 1] = Arith.subInt(p[sp - 1], p[sp]);
                            continue;
                        }
                    }
                    case MUL, INPLACE_MUL -> {
                        if (s[sp - 2] == null && s[sp - 1] == null) {
                            sp--;
                            p[sp - 1] = Arith.mulInt(p[sp - 1], p[sp]);
                            continue;
                        }
                    }
                    case COMPARE -> {
                        if (s[sp - 2] == null && s[sp - 1] == null) {
                            sp--;
                            s[sp - 1] = Comparison.ints(ins[pc++], p[sp - 1], p[sp]) ? Boolean.TRUE : Boolean.FALSE;
                            continue;
                        }
                    }
                    case JUMP -> {
                        pc = ins[pc];
                        continue;
                    }
                    case JUMP_IF_FALSE -> {
                        Object v = s[sp - 1];
                        if (v == Boolean.TRUE || v == Boolean.FALSE) {
                            sp--;
                            pc = v == Boolean.TRUE ? pc + 1 : ins[pc];
                            continue;
                        }
                    }
                    case JUMP_IF_TRUE -> {
                        Object v = s[sp - 1];
                        if (v == Boolean.TRUE || v == Boolean.FALSE) {
                            sp--;
                            pc = v == Boolean.TRUE ? ins[pc] : pc + 1;
                            continue;
                        }
                    }
                    case JUMP_IF -> {
                        if (s[sp - 2] == null && s[sp - 1] == null) {
                            sp -= 2;
                            int test = ins[pc];
                            pc = Comparison.branches(test, Comparison.ints(test, p[sp], p[sp + 1])) ? ins[pc + 1] : pc + 2;
                            continue;
                        }
                    }
                    case JUMP_IF_LOCAL_INT -> {
                        int slot = base + ins[pc];
                        if (s[slot] == null) {
                            int test = ins[pc + 2];
                            pc = Comparison.branches(test, Comparison.ints(test, p[slot], ins[pc + 1])) ? ins[pc + 3] : pc + 4;
                            continue;
                        }
                    }
                    case JUMP_IF_LOCALS -> {
                        int a = base + ins[pc];
                        int b = base + ins[pc + 1];
                        if (s[a] == null && s[b] == null) {
                            int test = ins[pc + 2];
                            pc = Comparison.branches(test, Comparison.ints(test, p[a], p[b])) ? ins[pc + 3] : pc + 4;
                            continue;
                        }
                    }
                    case ADD_LOCAL_INT -> {
                        int slot = base + ins[pc];
                        if (s[slot] == null) {
                            p[slot] = Arith.addInt(p[slot], ins[pc + 1]);
                            pc += 2;
                            continue;
                        }
                    }
                    case FOR_ITER -> {
                        if (s[sp - 1] instanceof RangeIterator range) {
                            if (range.hasNext()) {
                                s[sp] = null;
                                p[sp++] = range.nextLong();
                                pc++;
                            } else {
                                sp--;
                                pc = ins[pc];
                            }
                            continue;
                        }
                    }
                    default -> {
                        // to step, below
                    }
                }
                frame.pc = pc;
                frame.sp = sp;
                this.budget = budget;
                Object result = step(frame, op, entryDepth);
                if (result != null) {
                    return result;
                }
                if (this.s != s) {
                    // A call back into Toy code grew the stack: go on with the new arrays.
                    return SWITCH_FRAME;
                }
                pc = frame.pc;
                sp = frame.sp;
                budget = this.budget;
            }
        } catch (RuntimeException | StackOverflowError e) {
            // Where this frame failed, for the traceback and the search for a handler; and the
            // budget, so that a loop that keeps raising and catching still reaches checkpoints.
            // An error at the checkpoint (budget used up: an abort, Ctrl-C's KeyboardInterrupt)
            // is the error of the instruction at pc, which has not run: a with block's lock taken
            // by the instruction before it is released.
            frame.pc = budget <= 0 ? pc + 1 : pc;
            this.budget = budget;
            if (budget == 0) {
                // Thrown at the checkpoint (an abort), before the instruction that was counted ran.
                instructions--;
            }
            throw e;
        }
    }

    /**
     * The GIL's checkpoint, when the budget ran out before the instruction at {@code frame.pc};
     * returns the next budget. Also where a loop becomes hot: once the frame's code is compiled
     * ({@link Tier}), returns minus the budget for the compiled code if the frame is at one of
     * its loop headers, or else starts {@link #seeking} one.
     */
    private int checkpoint(Frame frame) {
        int next = gilCheckpoint();
        if (jit != null && compiledNesting < MAX_COMPILED_NESTING && frame.code.tier().checkpointed(frame.code, jit)) {
            if (enterable(frame) != null) {
                // The compiled code counts the instruction at pc again, as the first it runs.
                return -(next + 1);
            }
            gilBudget = next;
            seeking = SEEK_STEPS;
            return 1;
        }
        return next;
    }

    /**
     * The slow path of a stepping thread, taken before every instruction (its budget is 1, as
     * with Lua's {@code trap}; there is no second copy of the loop): the GIL's checkpoint when
     * the real switch interval is used up, then, when traced, the record of the instruction at
     * {@code frame.pc}, with the operand stack's top below {@code sp}; when seeking a loop
     * header, minus the budget for the compiled code if the frame is at one. Returns 1, or the
     * rest of the switch interval once the trace stopped (its limit) or the seeking gave up,
     * which puts the thread back on the path of one decrement per instruction.
     */
    private int trap(Frame frame, int sp) {
        if (--gilBudget <= 0) {
            gilBudget = gilCheckpoint();
        }
        if (tracer == null) {
            if (enterable(frame) != null) {
                seeking = 0;
                return -(gilBudget + 1);
            }
            return --seeking == 0 ? gilBudget : 1;
        }
        int stackBase = frame.base + frame.code.localCount();
        tracer.instruction(frame.code, frame.pc, sp > stackBase ? box(sp - 1) : null);
        if (tracer.active()) {
            return 1;
        }
        tracer = null;
        return gilBudget;
    }

    /**
     * Executes one instruction, {@code op}, whose operands start at {@code frame.pc}, with the
     * stack top at {@code frame.sp}; leaves both past it. Returns null to go on in the same
     * frame, {@link #SWITCH_FRAME} after a call or a return, or the entry frame's result.
     */
    Object step(Frame frame, int op, int entryDepth) {
        final int[] ins = frame.code.instructions();
        final int base = frame.base;
        final Object[] s = this.s;
        final long[] p = this.p;
        int pc = frame.pc;
        int sp = frame.sp;
        switch (op) {
            case CONST -> {
                put(sp++, frame.code.constants()[ins[pc++]]);
            }
            case DUP2 -> {
                s[sp] = s[sp - 2];
                p[sp] = p[sp - 2];
                s[sp + 1] = s[sp - 1];
                p[sp + 1] = p[sp - 1];
                sp += 2;
            }
            case LOAD_CELL -> put(sp++, ((Cell) s[base + ins[pc++]]).value);
            case STORE_CELL -> ((Cell) s[base + ins[pc++]]).value = box(--sp);
            case NEW_CELL -> s[base + ins[pc++]] = new Cell(box(--sp));
            case EMPTY_CELL -> s[base + ins[pc++]] = new Cell(null);
            case LOAD_FREE -> put(sp++, bound(frame, ins[pc++]));
            case STORE_FREE -> frame.function.free[ins[pc++]].value = box(--sp);
            case LOAD_GLOBAL -> {
                put(sp++, loadGlobal(ins[pc], pc - 1));
                pc++;
            }
            case STORE_GLOBAL -> {
                storeGlobal(ins[pc], box(--sp), pc - 1);
                pc++;
            }
            case DEFINE_GLOBAL -> defineGlobal(ins[pc++], box(--sp));
            case ADD, SUB, MUL, DIV, FLOOR_DIV, MOD, POW, INPLACE_ADD, INPLACE_MUL -> {
                sp--;
                put(sp - 1, arithmetic(op, s[sp - 1], p[sp - 1], s[sp], p[sp]));
            }
            case NEG -> put(sp - 1, Arith.neg(box(sp - 1)));
            case NOT -> s[sp - 1] = truthy(sp - 1) ? Boolean.FALSE : Boolean.TRUE;
            case COMPARE -> {
                int test = ins[pc++];
                sp--;
                s[sp - 1] = compare(test, sp - 1, sp) ? Boolean.TRUE : Boolean.FALSE;
            }
            case IN, NOT_IN -> {
                sp--;
                boolean in = Operations.contains(box(sp), box(sp - 1));
                s[sp - 1] = in == (ins[pc - 1] == IN) ? Boolean.TRUE : Boolean.FALSE;
            }
            case JUMP_IF_FALSE -> pc = truthy(--sp) ? pc + 1 : ins[pc];
            case JUMP_IF_TRUE -> pc = truthy(--sp) ? ins[pc] : pc + 1;
            case JUMP_IF_FALSE_OR_POP -> {
                if (truthy(sp - 1)) {
                    sp--;
                    pc++;
                } else {
                    pc = ins[pc];
                }
            }
            case JUMP_IF_TRUE_OR_POP -> {
                if (truthy(sp - 1)) {
                    pc = ins[pc];
                } else {
                    sp--;
                    pc++;
                }
            }
            case JUMP_IF -> {
                sp -= 2;
                pc = Comparison.branches(ins[pc], compare(ins[pc], sp, sp + 1)) ? ins[pc + 1] : pc + 2;
            }
            case JUMP_IF_LOCAL_INT -> {
                int test = ins[pc + 2];
                boolean result = Operations.compare(test, box(base + ins[pc]), (long) ins[pc + 1]);
                pc = Comparison.branches(test, result) ? ins[pc + 3] : pc + 4;
            }
            case JUMP_IF_LOCALS -> {
                int test = ins[pc + 2];
                pc = Comparison.branches(test, compare(test, base + ins[pc], base + ins[pc + 1]))
                        ? ins[pc + 3] : pc + 4;
            }
            case ADD_LOCAL_INT -> {
                int slot = base + ins[pc++];
                put(slot, Arith.add(box(slot), (long) ins[pc++]));
            }
            case BUILD_LIST -> {
                int count = ins[pc++];
                sp -= count;
                s[sp] = Operations.list(boxAll(sp, count));
                sp++;
            }
            case BUILD_MAP -> {
                int count = ins[pc++];
                sp -= 2 * count;
                s[sp] = Operations.map(boxAll(sp, 2 * count));
                sp++;
            }
            case INDEX -> {
                sp--;
                // An int index stays unboxed: a Long per list access above 127 otherwise.
                put(sp - 1, s[sp] == null ? Indexing.getAt(box(sp - 1), p[sp]) : Operations.index(box(sp - 1), box(sp)));
            }
            case STORE_INDEX -> {
                sp -= 3;
                if (s[sp + 1] == null) {
                    Indexing.setAt(box(sp), p[sp + 1], box(sp + 2));
                } else {
                    Operations.storeIndex(box(sp), box(sp + 1), box(sp + 2));
                }
            }
            case SLICE -> {
                sp -= 2;
                put(sp - 1, Operations.slice(box(sp - 1), box(sp), box(sp + 1)));
            }
            case GET_ATTR -> put(sp - 1, Operations.attribute(box(sp - 1), frame.code.names()[ins[pc++]]));
            case CALL -> {
                int count = ins[pc++];
                int callee = sp - count - 1;
                if (s[callee] instanceof Function function) {
                    frame.pc = pc;
                    frame.sp = callee + 1;
                    pushFrame(function, count, callee + 1);
                    return SWITCH_FRAME;
                }
                frame.pc = pc;
                put(callee, vm.callValue(this, box(callee), boxAll(callee + 1, count), Keywords.NONE));
                sp = callee + 1;
            }
            case CALL_METHOD -> {
                String name = frame.code.names()[ins[pc++]];
                int count = ins[pc++];
                int receiver = sp - count - 1;
                frame.pc = pc;
                put(receiver, Operations.callMethod(caller, box(receiver), name, boxAll(receiver + 1, count), Keywords.NONE));
                sp = receiver + 1;
            }
            case CALL_KW, CALL_METHOD_KW -> {
                frame.pc = pc + Opcode.length(op) - 1;
                return callWithKeywords(frame, op, sp);
            }
            case SLICE_STEP -> {
                sp -= 3;
                put(sp - 1, Operations.slice(box(sp - 1), box(sp), box(sp + 1), box(sp + 2)));
            }
            case UNPACK -> {
                int count = ins[pc++];
                Object[] items = Operations.unpack(box(--sp), count);
                for (int i = count - 1; i >= 0; i--) {
                    put(sp++, items[i]);
                }
            }
            case LIST_APPEND -> ((ToyList) s[sp - 2 - ins[pc++]]).add(box(--sp));
            case MAP_PUT -> {
                sp -= 2;
                ((ToyMap) s[sp - 1 - ins[pc++]]).put(box(sp), box(sp + 1));
            }
            case FORMAT -> put(sp - 1, Format.format(box(sp - 1), (String) frame.code.constants()[ins[pc++]]));
            case REPR -> s[sp - 1] = Values.repr(box(sp - 1));
            case SWAP -> {
                int other = sp - ins[pc++];
                Object ref = s[other];
                long bits = p[other];
                s[other] = s[sp - 1];
                p[other] = p[sp - 1];
                s[sp - 1] = ref;
                p[sp - 1] = bits;
            }
            case FORMAT_WITH_SPEC -> {
                sp--;
                put(sp - 1, Format.format(box(sp - 1), Operations.spec(box(sp))));
            }
            case BUILD_STRING -> {
                int count = ins[pc++];
                sp -= count;
                s[sp] = Operations.concat(boxAll(sp, count));
                sp++;
            }
            case MAKE_FUNCTION_DEFS -> {
                Code code = (Code) frame.code.constants()[ins[pc++]];
                int count = ins[pc++];
                sp -= count;
                s[sp] = makeFunction(frame, code, boxAll(sp, count));
                sp++;
            }
            case RETURN -> {
                int result = base - 1;
                s[result] = s[sp - 1];
                p[result] = p[sp - 1];
                if (--depth == entryDepth) {
                    return box(result);
                }
                frames[depth - 1].sp = result + 1;
                return SWITCH_FRAME;
            }
            case MAKE_FUNCTION -> s[sp++] = makeFunction(frame, (Code) frame.code.constants()[ins[pc++]], null);
            case GET_ITER -> s[sp - 1] = Operations.iterator(box(sp - 1));
            case FOR_ITER -> {
                ToyIterator iterator = (ToyIterator) s[sp - 1];
                if (iterator.hasNext()) {
                    put(sp++, iterator.next());
                    pc++;
                } else {
                    sp--;
                    pc = ins[pc];
                }
            }
            case RAISE -> throw Operations.raise(box(--sp));
            case WITH_ENTER -> {
                frame.pc = pc;
                Operations.enter(box(sp - 1));
            }
            case WITH_EXIT -> {
                frame.pc = pc;
                Operations.exit(box(--sp));
            }
            case WITH_ABORT -> {
                frame.pc = pc;
                sp -= 2;
                Operations.exit(box(sp));
                throw ((ToyError) s[sp + 1]).raisedByCleanup();
            }
            case SPAWN -> {
                int count = ins[pc++];
                int callee = sp - count - 1;
                s[callee] = vm.spawn(box(callee), boxAll(callee + 1, count), frame.code.location(pc - 2));
                sp = callee + 1;
            }
            default -> throw new IllegalStateException("bad opcode " + op + " at " + (pc - 1));
        }
        frame.pc = pc;
        frame.sp = sp;
        return null;
    }

    /**
     * The Toy error for what an instruction threw. A Java stack overflow can only come from the
     * runtime recursing into a deeply nested value; running out of heap is Python's
     * MemoryError, reported with the headroom {@link MemoryReserve} frees.
     */
    private static ToyError asToyError(Throwable thrown) {
        if (thrown instanceof ToyError e) {
            return e;
        }
        if (thrown instanceof OutOfMemoryError) {
            return MemoryReserve.memoryError();
        }
        return new ToyError("RecursionError", "maximum recursion depth exceeded");
    }

    /**
     * Pops frames until one has a handler for the error, recording each popped frame in the
     * traceback. Rethrows once the frames of this {@link #execute} call are used up.
     */
    private Code.Handler unwind(ToyError error, int entryDepth) {
        for (;;) {
            Frame f = frames[depth - 1];
            Code.Handler handler = handlerOrTraceback(f.code, f.pc - 1, error);
            if (handler != null) {
                return handler;
            }
            if (--depth == entryDepth) {
                throw error;
            }
        }
    }

    /**
     * The handler of code that takes error, raised by its instruction at pc, which then notes
     * the line that failed there (for a later {@code raise e}); or null, and that line goes into
     * the error's traceback, since the frame is left. For interpreted and compiled frames alike.
     */
    private static Code.Handler handlerOrTraceback(Code code, int pc, ToyError error) {
        TracebackEntry where = error.locationIn(code.location(pc));
        Code.Handler handler = code.handlerFor(pc, error);
        if (handler != null) {
            error.caughtAt(where);
        } else {
            error.addTraceback(where);
        }
        return handler;
    }

    private void pushFrame(Function function, int count, int base) {
        Code code = function.code;
        if (jit != null) {
            code.tier().called(code, jit);
        }
        if (count != code.parameterCount()) {
            Object[] defaults = Arguments.defaultsFor(function, count);
            ensureCapacity(base + code.frameSize());
            for (int i = 0; i < defaults.length; i++) {
                put(base + count + i, defaults[i]);
            }
        }
        if (depth >= vm.recursionLimit()) {
            throw new ToyError("RecursionError", "maximum recursion depth exceeded");
        }
        ensureCapacity(base + code.frameSize());
        for (int slot : code.cellParameters()) {
            s[base + slot] = new Cell(box(base + slot));
        }
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        Frame frame = frames[depth];
        if (frame == null) {
            frame = frames[depth] = new Frame();
        }
        frame.enter(function, base);
        depth++;
    }

    /**
     * After a MemoryError is caught by the current frame (an OutOfMemoryError made a Toy error
     * deeper down, by this or a compiled frame), whose stack ends at {@code sp}: lets
     * go of the frames above it and of the values in the slots above, which a deep recursion
     * (under a high {@code --recursion-limit}) may have grown to most of the heap, and shrinks
     * the arrays back when that leaves most of them unused, so that the handler and the rest of
     * the run have the room. (A dispatch loop further down the Java stack sees new arrays as it
     * does after a call that grew them: {@link #run}.)
     */
    private void releaseAbove(int sp) {
        Arrays.fill(frames, depth, frames.length, null);
        Arrays.fill(s, sp, s.length, null);
        int frameCount = Math.max(depth, 16);
        if (frames.length > 4 * frameCount) {
            frames = Arrays.copyOf(frames, 2 * frameCount);
        }
        Frame top = frames[depth - 1];
        int slots = Math.max(top.base + top.code.frameSize(), 256);
        if (s.length > 4 * slots) {
            Object[] shrunkS = Arrays.copyOf(s, 2 * slots);
            long[] shrunkP = Arrays.copyOf(p, 2 * slots);
            s = shrunkS;
            p = shrunkP;
        }
    }

    private void ensureCapacity(int size) {
        if (size > s.length) {
            int length = Math.max(size, s.length * 2);
            // Both made before either is kept: running out of memory between the two copies
            // (a MemoryError a script may catch) left s longer than p.
            Object[] grownS = Arrays.copyOf(s, length);
            long[] grownP = Arrays.copyOf(p, length);
            s = grownS;
            p = grownP;
        }
    }

    private Function makeFunction(Frame frame, Code code, Object[] defaults) {
        int[] sources = code.freeSources();
        Cell[] cells = new Cell[sources.length];
        for (int i = 0; i < sources.length; i++) {
            int source = sources[i];
            cells[i] = source >= 0 ? (Cell) s[frame.base + source] : frame.function.free[-1 - source];
        }
        return defaults == null ? new Function(code, cells) : new Function(code, cells, defaults);
    }

    /**
     * CALL_KW and CALL_METHOD_KW, whose operands end at {@code frame.pc}: the callee (or
     * receiver), then positional arguments, then keyword values named by the constant. A Toy
     * function gets its parameters bound by name and runs in a new frame; anything else is
     * called with {@link Keywords}.
     */
    private Object callWithKeywords(Frame frame, int op, int sp) {
        int[] ins = frame.code.instructions();
        int at = frame.pc;
        ToyList names = (ToyList) frame.code.constants()[ins[at - 1]];
        int count = ins[at - 2];
        int callee = sp - count - 1;
        int positional = count - names.size();
        String[] keywordNames = new String[names.size()];
        for (int i = 0; i < keywordNames.length; i++) {
            keywordNames[i] = (String) names.get(i);
        }
        Keywords keywords = new Keywords(keywordNames, boxAll(callee + 1 + positional, names.size()));
        Object[] args = boxAll(callee + 1, positional);
        Object result;
        if (op == CALL_METHOD_KW) {
            String name = frame.code.names()[ins[at - 3]];
            result = Operations.callMethod(caller, box(callee), name, args, keywords);
        } else if (s[callee] instanceof Function function) {
            Object[] bound = Arguments.bind(function, args, keywords);
            ensureCapacity(callee + 1 + bound.length);
            for (int i = 0; i < bound.length; i++) {
                put(callee + 1 + i, bound[i]);
            }
            frame.sp = callee + 1;
            pushFrame(function, bound.length, callee + 1);
            return SWITCH_FRAME;
        } else {
            result = vm.callValue(this, box(callee), args, keywords);
        }
        put(callee, result);
        frame.sp = callee + 1;
        return null;
    }

    /**
     * {@code x op y} for ADD, SUB, MUL, DIV, FLOOR_DIV, MOD, POW, INPLACE_ADD and INPLACE_MUL, each operand
     * as a slot holds it (a reference, or null and an int's bits): the general path of the
     * interpreter and of compiled code. {@code +  -  *  /} of a float with a float or an int
     * are done here without boxing the int or going down the generic path's type tests; all
     * else (a division by zero included) goes to {@link Operations}, with its errors.
     */
    static Object arithmetic(int op, Object x, long xBits, Object y, long yBits) {
        if ((x instanceof Double || y instanceof Double)
                && (x == null || x instanceof Double) && (y == null || y instanceof Double)) {
            double l = x == null ? (double) xBits : (Double) x;
            double r = y == null ? (double) yBits : (Double) y;
            switch (op) {
                case ADD, INPLACE_ADD -> {
                    return l + r;
                }
                case SUB -> {
                    return l - r;
                }
                case MUL, INPLACE_MUL -> {
                    return l * r;
                }
                case DIV -> {
                    if (r != 0) {
                        return l / r;
                    }
                }
                default -> {
                    // the generic path below
                }
            }
        }
        Object a = x != null ? x : Long.valueOf(xBits);
        Object b = y != null ? y : Long.valueOf(yBits);
        return switch (op) {
            case INPLACE_ADD -> Operations.inplaceAdd(a, b);
            case INPLACE_MUL -> Operations.inplaceMul(a, b);
            default -> Operations.arithmetic(op, a, b);
        };
    }

    private boolean compare(int test, int a, int b) {
        if (s[a] == null && s[b] == null) {
            return Comparison.ints(test, p[a], p[b]);
        }
        return Operations.compare(test, box(a), box(b));
    }

    private boolean truthy(int slot) {
        Object v = s[slot];
        if (v == null) {
            return p[slot] != 0;
        }
        return v == Boolean.TRUE || v != Boolean.FALSE && Operations.truthy(v);
    }

    // What compiled code calls (JitCompiler), in the order of a call's life.

    private void runCompiled(Compiled compiled, Frame frame, int entry) {
        compiledNesting++;
        try {
            compiled.code().run(this, frame, entry);
        } finally {
            compiledNesting--;
        }
    }

    /**
     * The budget for compiled code going on after a call: stepping ends there, since compiled
     * code never steps (the seeking a callee started is for the interpreter's loops).
     */
    int resumeCompiled() {
        if (seeking > 0) {
            seeking = 0;
            budget = gilBudget;
        }
        return budget;
    }

    /**
     * The value of the frame's free variable {@code index}: NameError while its cell is empty
     * (a function called before the {@code let} or {@code fn} below it that declares the
     * variable has run). Compiled code reads the cell itself and calls this only then.
     */
    static Object bound(Frame frame, int index) {
        Object value = frame.function.free[index].value;
        if (value == null) {
            throw new ToyError("NameError", "cannot access '" + frame.code.freeNames()[index]
                    + "' before its declaration has run");
        }
        return value;
    }

    /** The GIL's checkpoint for compiled code, before the instruction at pc; returns the next budget. */
    int compiledCheckpoint(Frame frame, int pc) {
        frame.pc = pc;
        return gilCheckpoint();
    }

    /**
     * What compiled code passes to {@link #handlerFor} as pc when the instruction is the one
     * {@code frame.pc} names: a checkpoint inside a run ({@link #runCheckpoints}) that threw.
     */
    static final int PC_IN_FRAME = -1;

    /**
     * The GIL's checkpoints for compiled code whose budget runs out inside the run of count
     * instructions from pc ({@link BudgetRuns}): taken now, each with frame.pc at the
     * instruction it falls before, and with the budgets the interpreter would have had.
     * Returns what is left of the budget after the whole run.
     */
    int runCheckpoints(Frame frame, int pc, int left, int count) {
        int[] ins = frame.code.instructions();
        int at = 1;
        // The instruction (1 to count) before which the next checkpoint falls: each one counted
        // uses up one unit, and the checkpoint comes when the budget reaches 0 (at once when
        // the run starts with none left, as after a call from outside the interpreter).
        int due = Math.max(1, left + count);
        for (;;) {
            for (; at < due; at++) {
                pc += Opcode.length(ins[pc]);
            }
            frame.pc = pc;
            int budget = gilCheckpoint();
            if (budget > count - due) {
                return budget - (count - due);
            }
            due += budget;
        }
    }

    /** The GIL's checkpoint, with the budget it gives counted as instructions (see {@link #instructions}). */
    private int gilCheckpoint() {
        int next = gil.checkpoint(thread);
        instructions += next;
        return next;
    }

    /**
     * The frame's compiled code, if this thread may run it from where the frame stands (its
     * start, or a loop header): not while traced, nor past {@link #MAX_COMPILED_NESTING}
     * compiled frames on the Java stack; else null.
     */
    private Compiled enterable(Frame frame) {
        Compiled compiled = frame.code.tier().compiled;
        return compiled != null && tracer == null && compiledNesting < MAX_COMPILED_NESTING
                && compiled.entersAt(frame.pc) ? compiled : null;
    }

    /**
     * LOAD_GLOBAL at offset pc of the running code: a builtin's group is installed on its first
     * read; NameError if the global is not defined yet.
     */
    Object loadGlobal(int slot, int pc) {
        Object v = vm.globals.values[slot];
        if (v == null && (v = vm.globals.load(slot)) == null) {
            throw vm.undefined(slot, false, frames[depth - 1].code, pc);
        }
        return v;
    }

    /** STORE_GLOBAL at offset pc: as {@link #loadGlobal}, a builtin's name is defined before it is assigned. */
    void storeGlobal(int slot, Object value, int pc) {
        if (vm.globals.values[slot] == null && vm.globals.load(slot) == null) {
            throw vm.undefined(slot, true, frames[depth - 1].code, pc);
        }
        vm.globals.values[slot] = value;
    }

    /** DEFINE_GLOBAL: a top-level {@code let} or {@code fn}. */
    void defineGlobal(int slot, Object value) {
        vm.globals.values[slot] = value;
    }

    /**
     * A call of a Toy function from compiled code whose frame is caller, about to go on at pc,
     * with its arguments already in the slots from {@code caller.base + base}: runs the callee
     * in its own frame, compiled or not, and leaves its result in the slot below them.
     * Returns the budget left.
     */
    int callCompiled(Frame caller, int pc, int budget, Function function, int count, int base) {
        caller.pc = pc;
        this.budget = budget;
        pushFrame(function, count, caller.base + base);
        // enterable's test, less what compiled code already knows: no tracer, entry at 0.
        Compiled compiled = function.code.tier().compiled;
        if (compiled != null && compiledNesting < MAX_COMPILED_NESTING) {
            int calleeDepth = depth;
            try {
                runCompiled(compiled, frames[depth - 1], 0);
            } catch (StackOverflowError e) {
                // Thrown as the JVM set up the compiled method, before its own handlers could pop the frame.
                if (depth == calleeDepth) {
                    depth--;
                }
                throw e;
            }
        } else {
            execute(depth - 1);
        }
        return resumeCompiled();
    }

    /**
     * An instruction compiled code has no pattern for, op with operands from pc, run by
     * {@link #step} on the frame's slots (written there by the compiled code, the stack's top
     * at {@code frame.base + sp}); a keyword call of a Toy function runs to its return here.
     * Returns the budget left.
     */
    int stepCompiled(Frame frame, int op, int pc, int sp, int budget) {
        frame.pc = pc;
        frame.sp = frame.base + sp;
        this.budget = budget;
        if (step(frame, op, depth) == SWITCH_FRAME) {
            execute(depth - 1);
        }
        return resumeCompiled();
    }

    /** RETURN in compiled code: the result into the slot below the frame, which is popped. */
    void returnCompiled(int budget, Object result, long resultBits) {
        this.budget = budget;
        int slot = frames[depth - 1].base - 1;
        s[slot] = result;
        p[slot] = resultBits;
        depth--;
    }

    /**
     * What is left of the budget after the instruction at pc of a compiled frame threw, given
     * the frame's own count: the interpreter's, if the instruction had handed the budget to code
     * it called (which counted on from there), unless the throw came at the checkpoint before it.
     */
    private int budgetAfterThrow(Frame frame, int pc, int budget) {
        return budget != 0 && frame.code.tier().compiled.handsBudgetOn()[pc] ? resumeCompiled() : budget;
    }

    /**
     * What compiled code does with what the instruction at pc of frame threw, with budget the
     * frame's own count: returns the index of the code's handler that takes it, as for an
     * interpreted frame ({@link Code#handlerFor}), having put the error in
     * {@link #caughtError} and what is left of the budget in {@link #budget}; or, when no
     * handler takes it, pops the frame, adds its traceback line to a Toy error, and throws it on.
     * A pc of {@link #PC_IN_FRAME} means the instruction {@code frame.pc} names.
     */
    int handlerFor(Frame frame, int pc, int budget, Throwable thrown) {
        if (pc == PC_IN_FRAME) {
            pc = frame.pc;
        }
        this.budget = budgetAfterThrow(frame, pc, budget);
        if (budget == 0) {
            // Thrown at the checkpoint (an abort, Ctrl-C), before the instruction that was counted ran.
            instructions--;
        }
        if (thrown instanceof ToyError || thrown instanceof StackOverflowError || thrown instanceof OutOfMemoryError) {
            ToyError error = asToyError(thrown);
            Code.Handler handler = handlerOrTraceback(frame.code, pc, error);
            if (handler != null) {
                if (error.kind().equals("MemoryError")) {
                    releaseAbove(frame.base + frame.code.localCount() + handler.depth());
                }
                caughtError = error;
                return frame.code.handlers().indexOf(handler);
            }
            depth--;
            frame.pc = pc + 1;
            throw error;
        }
        depth--;
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) thrown;
    }

    /** The value in a slot as a Toy value outside the stack: ints boxed as Long. */
    private Object box(int slot) {
        Object v = s[slot];
        return v != null ? v : Long.valueOf(p[slot]);
    }

    private Object[] boxAll(int from, int count) {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = box(from + i);
        }
        return values;
    }

    /** Stores a Toy value in a slot, unboxing an int. */
    private void put(int slot, Object value) {
        if (value instanceof Long l) {
            s[slot] = null;
            p[slot] = l;
        } else {
            s[slot] = value;
        }
    }

    /**
     * Where this thread is: its innermost frame at the last call or checkpoint, for reports. With
     * no frame: where its code starts before the first one is pushed (and for good on a thread
     * spawned straight on a builtin), where the last one returned after that (MainThread waiting
     * for the other threads at the script's end).
     */
    TracebackEntry currentLocation() {
        if (depth == 0) {
            Frame last = frames[0];
            return last == null ? start : last.location();
        }
        return frames[depth - 1].location();
    }
}
