package toy.interpreter.vm;

import java.util.IdentityHashMap;
import java.util.Map;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Disassembler;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.bytecode.Opcode;
import toy.runtime.ToyIterator;
import toy.runtime.Values;
import toy.runtime.observe.TraceWriter;

/**
 * Turns an instruction about to execute into a trace record, for one traced thread: the
 * operand text comes from the {@link Disassembler} ({@code toy dis} and the trace agree by
 * construction) and is cached per instruction, so a record costs a lookup, the stack top's
 * bounded repr and the write.
 */
final class InstructionTracer {
    private final TraceWriter trace;
    private final String thread;
    private final Disassembler disassembler;
    /** Per code object, the operand text of each instruction offset, filled as they run. */
    private final Map<Code, String[]> arguments = new IdentityHashMap<>();
    /** The last code traced and its entry in {@link #arguments}: most instructions follow one of the same function. */
    private Code lastCode;
    private String[] lastArguments;

    InstructionTracer(TraceWriter trace, String thread, Globals globals) {
        this.trace = trace;
        this.thread = thread;
        this.disassembler = new Disassembler(globals);
    }

    /** False once the trace stopped (its limit, a failed write): the interpreter then leaves the slow path. */
    boolean active() {
        return trace.active();
    }

    /**
     * Writes the record of the instruction at {@code pc}.
     *
     * @param stackTop the value on top of the operand stack (ints boxed), or null when the stack is empty
     */
    void instruction(Code code, int pc, Object stackTop) {
        if (code != lastCode) {
            lastArguments = arguments.computeIfAbsent(code, c -> new String[c.instructions().length]);
            lastCode = code;
        }
        String[] args = lastArguments;
        String arg = args[pc];
        if (arg == null) {
            arg = disassembler.argument(code, pc);
            args[pc] = arg;
        }
        String stack = stackTop == null ? null : repr(stackTop);
        trace.instruction(thread, code.name(), pc, code.lineAt(pc), Opcode.name(code.instructions()[pc]), arg, stack);
    }

    /** A stack slot's repr; a for loop's iterator (GET_ITER's result) is on the stack too but is no Toy value. */
    private static String repr(Object value) {
        return value instanceof ToyIterator ? "<iterator>" : Values.repr(value, TraceWriter.STACK_REPR_CHARS);
    }
}
