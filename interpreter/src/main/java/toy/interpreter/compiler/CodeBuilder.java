package toy.interpreter.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Opcode;
import toy.interpreter.vm.Tier;

/**
 * Accumulates one function's instructions: the current source line, constants, names, try
 * handlers and forward jumps; once it is complete, computes the operand-stack depths (for the
 * frame size and the handlers) from the instruction table's stack effects.
 */
final class CodeBuilder {
    private int[] code = new int[64];
    private int[] lines = new int[64];
    private int[] startColumns = new int[64];
    private int[] endColumns = new int[64];
    private int size;
    private int line;
    private int startColumn;
    private int endColumn;
    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndexes = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    /** Per try region: start, end and target offsets, innermost first. */
    private final List<int[]> handlers = new ArrayList<>();
    /** {@link Code#nearLocals}: per offset of a global's load or store, the variable in scope nearest to its name. */
    private final Map<Integer, String> nearLocals = new HashMap<>();

    /** A jump target, bound to an offset once, used by any number of jumps. */
    static final class Label {
        private int offset = -1;
        private final List<Integer> uses = new ArrayList<>();
    }

    /** The source line of the instructions emitted next, with no columns known. */
    void setLine(int line) {
        setPosition(line, 0, 0);
    }

    /** The source line of the instructions emitted next and the columns of their part (1-based, end exclusive). */
    void setPosition(int line, int startColumn, int endColumn) {
        this.line = line;
        this.startColumn = startColumn;
        this.endColumn = endColumn;
    }

    int offset() {
        return size;
    }

    /** Notes that the instruction emitted next names a global near the variable nearLocal, in scope there. */
    void nearLocal(String nearLocal) {
        nearLocals.put(size, nearLocal);
    }

    /** Emits an instruction; its stack effect comes from the instruction table ({@link Opcode#stackEffect}). */
    void emit(int op, int... operands) {
        if (operands.length != Opcode.operands(op).length) {
            throw new IllegalArgumentException(Opcode.name(op) + " takes " + Opcode.operands(op).length + " operands");
        }
        put(op);
        for (int operand : operands) {
            put(operand);
        }
    }

    /** Emits a jump whose last operand is the label's offset. */
    void emitJump(int op, Label label, int... operandsBeforeTarget) {
        int[] operands = Arrays.copyOf(operandsBeforeTarget, operandsBeforeTarget.length + 1);
        operands[operands.length - 1] = label.offset;
        emit(op, operands);
        if (label.offset < 0) {
            label.uses.add(size - 1);
        }
    }

    void bind(Label label) {
        label.offset = size;
        for (int use : label.uses) {
            code[use] = size;
        }
        label.uses.clear();
    }

    int constant(Object value) {
        // Code objects are compared by identity; values by equals, with the class in the key so
        // that 1, 1.0 and true never share a slot.
        Object key = value instanceof Code ? value : List.of(value.getClass(), value);
        Integer index = constantIndexes.get(key);
        if (index == null) {
            index = constants.size();
            constants.add(value);
            constantIndexes.put(key, index);
        }
        return index;
    }

    int name(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            names.add(name);
            index = names.size() - 1;
        }
        return index;
    }

    /**
     * A region [start, end) whose errors jump to target, offsets in ints: a try's
     * ({@code catches}) or a with block's. Its handler cuts the stack to the depth at offset
     * {@code block}, where its block starts (a with block's later regions, which begin after
     * a jump out of it, hold that block's depth too, not the depth of whatever instruction
     * they reach first: an inner block's cleanup, with its own resource and error on the
     * stack), and pushes the error. Regions are added innermost first, as
     * {@link Code#handlerFor} expects.
     */
    void addHandler(int start, int end, int target, boolean catches, int block) {
        handlers.add(new int[] {start, end, target, catches ? 1 : 0, block});
    }

    private void put(int word) {
        if (size == code.length) {
            code = Arrays.copyOf(code, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
            startColumns = Arrays.copyOf(startColumns, size * 2);
            endColumns = Arrays.copyOf(endColumns, size * 2);
        }
        code[size] = word;
        lines[size] = line;
        startColumns[size] = startColumn;
        endColumns[size] = endColumn;
        size++;
    }

    Code build(String name, String file, int firstLine, int parameterCount, String[] localNames,
               int[] cellParameters, int[] freeSources, String[] freeNames, List<String> sourceLines) {
        int[] depths = stackDepths();
        int maxDepth = 0;
        for (int d : depths) {
            maxDepth = Math.max(maxDepth, d);
        }
        List<Code.Handler> built = new ArrayList<>();
        for (int[] h : handlers) {
            if (firstReached(depths, h) >= 0) {
                // A region no path reaches (after a return) can raise nothing: it gets no handler.
                built.add(new Code.Handler(h[0], h[1], h[2], depths[h[4]], h[3] == 1));
            }
        }
        return new Code(name, file, firstLine, Arrays.copyOf(code, size), Arrays.copyOf(lines, size),
                constants.toArray(), names.toArray(new String[0]), parameterCount, localNames.length,
                maxDepth + 1, localNames, cellParameters, freeSources, freeNames, List.copyOf(built),
                Arrays.copyOf(startColumns, size), Arrays.copyOf(endColumns, size), sourceLines, depths, Map.copyOf(nearLocals),
                new Tier());
    }

    /**
     * The operand-stack depth before each instruction (-1 where none starts or none is
     * reached), as CPython's compiler computes it (stackdepth in Python/flowgraph.c): a walk of
     * the control flow from depth 0 at offset 0, adding each instruction's stack effect along its
     * fall-through and jump edges, and from each handler whose region a path reaches, at the
     * depth where its block starts ({@link #addHandler}) plus the error it pushes. Code
     * no path reaches (after a return or break) is skipped. A
     * consistent compiler reaches each instruction at one depth (StackEffectTest checks this on
     * every sample); the code of a program with compile errors, which is thrown away, need not
     * be, so the first depth found stands.
     */
    private int[] stackDepths() {
        int[] depths = new int[size];
        Arrays.fill(depths, -1);
        Deque<Integer> work = new ArrayDeque<>();
        reach(depths, work, 0, 0);
        boolean handlerReached = true;
        while (handlerReached) {
            while (!work.isEmpty()) {
                int at = work.pop();
                int op = code[at];
                int depth = depths[at];
                if (Opcode.fallsThrough(op)) {
                    reach(depths, work, at + Opcode.length(op), depth + Opcode.stackEffect(op, code, at));
                }
                if (Opcode.jumps(op)) {
                    reach(depths, work, Opcode.jumpTarget(op, code, at), depth + Opcode.jumpStackEffect(op, code, at));
                }
            }
            // Handlers whose region is now reached, from the depth there; their code may hold regions of its own.
            handlerReached = false;
            for (int[] h : handlers) {
                if (firstReached(depths, h) >= 0 && depths[h[2]] < 0) {
                    reach(depths, work, h[2], depths[h[4]] + 1);
                    handlerReached = true;
                }
            }
        }
        return depths;
    }

    /** The first offset of handler h's region that an instruction starts at and a path reaches; -1 if none. */
    private static int firstReached(int[] depths, int[] h) {
        for (int at = h[0]; at < h[1] && at < depths.length; at++) {
            if (depths[at] >= 0) {
                return at;
            }
        }
        return -1;
    }

    private void reach(int[] depths, Deque<Integer> work, int at, int depth) {
        if (at >= 0 && at < size && depths[at] < 0) {
            depths[at] = Math.max(0, depth);
            work.push(at);
        }
    }
}
