package toy.interpreter.compiler;

import java.util.ArrayList;
import java.util.List;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.bytecode.Opcode;

/** Scripts compiled for tests that look at their bytecode. */
public final class Scripts {
    private Scripts() {
    }

    /** The top-level code of a script named {@code t.toy}. */
    public static Code compile(String text) throws CompileException {
        return Compiler.compile(new SourceFile("t.toy", text), new Globals());
    }

    /** The code of the first function the script defines. */
    public static Code firstFunction(String text) throws CompileException {
        for (Object constant : compile(text).constants()) {
            if (constant instanceof Code code) {
                return code;
            }
        }
        throw new AssertionError("no function in " + text);
    }

    /**
     * The opcode names of the top-level instructions that a script's 1-based source line
     * compiles to; a last line {@code let end = 0} is added, so that the line tested is never
     * the script's end.
     */
    public static List<String> opcodesOfLine(String text, int line) throws CompileException {
        Code code = compile(text + "\nlet end = 0");
        List<String> names = new ArrayList<>();
        int[] ins = code.instructions();
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            if (code.lineAt(pc) == line) {
                names.add(Opcode.name(ins[pc]));
            }
        }
        return names;
    }

    /** code, then every function defined in it, through their constants, depth first. */
    public static List<Code> withFunctions(Code code) {
        List<Code> all = new ArrayList<>();
        all.add(code);
        for (Object constant : code.constants()) {
            if (constant instanceof Code inner) {
                all.addAll(withFunctions(inner));
            }
        }
        return all;
    }
}
