package toy.interpreter.bytecode;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import toy.runtime.Values;

/**
 * Prints code the way Python's {@code dis} does: the source line where it changes, {@code >>}
 * on jump targets, the offset, the opcode, its operands, and what they mean. Functions nested
 * in the code's constants follow, each under its own heading. The instruction trace formats
 * its instructions with the same methods ({@link #argument}), as clox's trace reuses its
 * disassembler.
 */
public final class Disassembler {
    private final Globals globals;
    private final StringBuilder out = new StringBuilder();

    /** A formatter of instructions whose global operands are named from {@code globals}. */
    public Disassembler(Globals globals) {
        this.globals = globals;
    }

    public static String disassemble(Code code, Globals globals) {
        Disassembler d = new Disassembler(globals);
        d.code(code);
        return d.out.toString();
    }

    private void code(Code code) {
        out.append("Disassembly of ").append(code.name()).append(" (").append(code.file())
                .append(", line ").append(code.firstLine()).append("):\n");
        int[] ins = code.instructions();
        Set<Integer> targets = jumpTargets(ins);
        int lastLine = -1;
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            int line = code.lineAt(pc);
            if (line != lastLine && pc > 0) {
                out.append('\n');
            }
            out.append(line != lastLine ? String.format(Locale.ROOT, "%4d", line) : "    ");
            lastLine = line;
            out.append(targets.contains(pc) ? "  >>" : "    ");
            out.append(instruction(code, pc)).append('\n');
        }
        for (Object constant : code.constants()) {
            if (constant instanceof Code nested) {
                out.append('\n');
                code(nested);
            }
        }
    }

    /**
     * One instruction without its line, as {@code toy dis} prints it: offset, opcode, operands,
     * and their meaning in parentheses.
     */
    public String instruction(Code code, int pc) {
        Operands operands = operands(code, pc);
        String text = String.format(Locale.ROOT, "%6d %-20s %-12s", pc, Opcode.name(code.instructions()[pc]), operands.values);
        return (operands.meaning.isEmpty() ? text : text + " (" + operands.meaning + ")").stripTrailing();
    }

    /**
     * The operands of an instruction with their meaning, as the trace's {@code arg} shows them:
     * "0 (counter)", "3 (<, to 42)", "" for none. The same text as in {@link #instruction}.
     */
    public String argument(Code code, int pc) {
        Operands operands = operands(code, pc);
        return operands.meaning.isEmpty() ? operands.values : operands.values + " (" + operands.meaning + ")";
    }

    /** An instruction's operand values ("1 5") and what they mean ("i, to 12"; "" when nothing to say). */
    private record Operands(String values, String meaning) {
    }

    private Operands operands(Code code, int pc) {
        int[] ins = code.instructions();
        Opcode.Operand[] kinds = Opcode.operands(ins[pc]);
        StringBuilder values = new StringBuilder();
        StringBuilder meaning = new StringBuilder();
        for (int i = 0; i < kinds.length; i++) {
            int value = ins[pc + 1 + i];
            if (i > 0) {
                values.append(' ');
            }
            values.append(value);
            String m = meaning(code, kinds[i], value);
            if (m != null) {
                meaning.append(meaning.length() > 0 ? ", " : "").append(m);
            }
        }
        return new Operands(values.toString(), meaning.toString());
    }

    private String meaning(Code code, Opcode.Operand kind, int value) {
        return switch (kind) {
            case CONSTANT -> {
                Object c = code.constants()[value];
                yield c instanceof Code nested ? "<function " + nested.name() + ", line " + nested.firstLine() + ">"
                        : Values.repr(c);
            }
            case LOCAL -> code.localNames()[value];
            case FREE -> code.freeNames()[value];
            case GLOBAL -> globals.name(value);
            case NAME -> code.names()[value];
            case TEST -> Comparison.describe(value);
            case TARGET -> "to " + value;
            case VALUE, COUNT -> null;
        };
    }

    private static Set<Integer> jumpTargets(int[] ins) {
        Set<Integer> targets = new HashSet<>();
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            Opcode.Operand[] kinds = Opcode.operands(ins[pc]);
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] == Opcode.Operand.TARGET) {
                    targets.add(ins[pc + 1 + i]);
                }
            }
        }
        return targets;
    }
}
