package toy.interpreter.bytecode;

import java.util.List;
import java.util.Map;
import toy.interpreter.vm.Tier;
import toy.runtime.ToyError;
import toy.runtime.TracebackEntry;
import toy.runtime.threads.KeyboardInterrupt;

/**
 * One compiled function (or a script's top-level code): instructions with a parallel line
 * table, the constant pool, and what the VM needs to lay out a frame.
 *
 * <p>A frame's slots are {@code localCount} locals (parameters first) followed by at most
 * {@code maxStack} operand-stack entries.
 *
 * @param lines           the source line of each int in {@code instructions}
 * @param names           attribute and method names used by GET_ATTR and CALL_METHOD
 * @param localNames      a name per local slot, for the disassembler
 * @param cellParameters  parameters that closures capture: the VM moves them into cells on entry
 * @param freeSources     per free variable, where MAKE_FUNCTION finds its cell in the enclosing
 *                        function: {@code slot >= 0} a local cell, {@code -1 - i} free variable i
 * @param freeNames       a name per free variable, for the disassembler
 * @param startColumns    per int in {@code instructions}, the 1-based column where the source of
 *                        the part it runs starts (0 if not known), for tracebacks
 * @param endColumns      likewise, the column after that part's end on the same line
 * @param sourceLines     the script's lines, shared by all its functions, for tracebacks
 * @param stackDepths     per int in {@code instructions}, the operand-stack depth before the
 *                        instruction starting there, the same on every path that reaches it;
 *                        -1 where no instruction starts or none is reached
 * @param nearLocals      per offset of a LOAD_GLOBAL or STORE_GLOBAL whose name no variable in
 *                        scope there has, the one in scope nearest to it (CPython's "Did you
 *                        mean"), for the NameError it raises when no global has that name either
 * @param tier            how hot this code has run and, once hot, its JVM-compiled form: the
 *                        one mutable part, owned by the VM
 */
public record Code(
        String name,
        String file,
        int firstLine,
        int[] instructions,
        int[] lines,
        Object[] constants,
        String[] names,
        int parameterCount,
        int localCount,
        int maxStack,
        String[] localNames,
        int[] cellParameters,
        int[] freeSources,
        String[] freeNames,
        List<Handler> handlers,
        int[] startColumns,
        int[] endColumns,
        List<String> sourceLines,
        int[] stackDepths,
        Map<Integer, String> nearLocals,
        Tier tier) {

    /**
     * A region [start, end) whose errors jump to target, with the stack cut to depth: a
     * {@code try}'s ({@code catches} true), or a {@code with} block's, which releases its
     * resource and raises the error again.
     */
    public record Handler(int start, int end, int target, int depth, boolean catches) {
    }

    /** The frame size: locals plus operand stack. */
    public int frameSize() {
        return localCount + maxStack;
    }

    /**
     * The innermost handler of {@code error} covering offset pc, or null. No {@code catch}
     * handles a {@link KeyboardInterrupt}: it leaves through {@code with} blocks only.
     */
    public Handler handlerFor(int pc, ToyError error) {
        // Handlers are added innermost first (a try's body is compiled before its handler entry).
        for (Handler h : handlers) {
            if (pc >= h.start && pc < h.end && !(h.catches && KeyboardInterrupt.is(error))) {
                return h;
            }
        }
        return null;
    }

    public int lineAt(int pc) {
        return lines[Math.max(0, Math.min(pc, lines.length - 1))];
    }

    /** The traceback entry for the instruction at pc: its line, that line's text and the columns of its part. */
    public TracebackEntry location(int pc) {
        int at = Math.max(0, Math.min(pc, lines.length - 1));
        int line = lines[at];
        String source = line >= 1 && line <= sourceLines.size() ? sourceLines.get(line - 1) : null;
        return new TracebackEntry(file, line, name, source, startColumns[at], endColumns[at]);
    }
}
