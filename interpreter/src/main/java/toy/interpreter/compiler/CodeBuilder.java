package toy.interpreter.compiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Opcode;

/**
 * Accumulates one function's instructions: tracks the operand-stack depth (for the frame size
 * and for try handlers), the current source line, constants, names and forward jumps.
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
    private int depth;
    private int maxDepth;
    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndexes = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Code.Handler> handlers = new ArrayList<>();

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

    int depth() {
        return depth;
    }

    /** For code reached only by a jump (a handler, a loop exit) where the depth differs. */
    void setDepth(int depth) {
        this.depth = depth;
        maxDepth = Math.max(maxDepth, depth);
    }

    int offset() {
        return size;
    }

    /** Emits an instruction whose stack effect is {@code effect}. */
    void emit(int effect, int op, int... operands) {
        if (operands.length != Opcode.operands(op).length) {
            throw new IllegalArgumentException(Opcode.name(op) + " takes " + Opcode.operands(op).length + " operands");
        }
        put(op);
        for (int operand : operands) {
            put(operand);
        }
        setDepth(depth + effect);
    }

    /** Emits a jump whose last operand is the label's offset. */
    void emitJump(int effect, int op, Label label, int... operandsBeforeTarget) {
        int[] operands = Arrays.copyOf(operandsBeforeTarget, operandsBeforeTarget.length + 1);
        operands[operands.length - 1] = label.offset;
        emit(effect, op, operands);
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

    void addHandler(int start, int end, int target, int depth, boolean catches) {
        handlers.add(new Code.Handler(start, end, target, depth, catches));
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
        return new Code(name, file, firstLine, Arrays.copyOf(code, size), Arrays.copyOf(lines, size),
                constants.toArray(), names.toArray(new String[0]), parameterCount, localNames.length,
                maxDepth + 1, localNames, cellParameters, freeSources, freeNames, List.copyOf(handlers),
                Arrays.copyOf(startColumns, size), Arrays.copyOf(endColumns, size), sourceLines);
    }
}
