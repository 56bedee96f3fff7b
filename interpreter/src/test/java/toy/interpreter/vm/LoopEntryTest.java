package toy.interpreter.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.bytecode.Opcode;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.SourceFile;

/**
 * Where the interpreter may move a running frame into compiled code ({@link JitCompiler#loopHeaders}):
 * one way into each loop, the way the code before the loop goes in, so that no compiled loop is
 * irreducible.
 */
class LoopEntryTest {
    /** The code of the first function the script defines. */
    private static Code function(String text) throws CompileException {
        for (Object constant : Compiler.compile(new SourceFile("t.toy", text), new Globals()).constants()) {
            if (constant instanceof Code code) {
                return code;
            }
        }
        throw new AssertionError("no function in " + text);
    }

    private static List<Integer> entries(Code code) {
        boolean[] entry = JitCompiler.loopHeaders(code);
        List<Integer> offsets = new ArrayList<>();
        for (int pc = 0; pc < entry.length; pc++) {
            if (entry[pc]) {
                offsets.add(pc);
            }
        }
        return offsets;
    }

    /** The offsets of the instructions that jump backward, which close the loops, in order. */
    private static List<Integer> backwardJumps(Code code) {
        int[] ins = code.instructions();
        List<Integer> offsets = new ArrayList<>();
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            if (Opcode.jumps(ins[pc]) && Opcode.jumpTarget(ins[pc], ins, pc) <= pc) {
                offsets.add(pc);
            }
        }
        return offsets;
    }

    /**
     * Per loop, where a {@code while} loop's test starts: the compiler lays the test out below
     * the body and enters the loop by a forward JUMP to it, the instruction just before the body.
     */
    private static List<Integer> whileTests(Code code) {
        int[] ins = code.instructions();
        List<Integer> tests = new ArrayList<>();
        for (int back : backwardJumps(code)) {
            int body = Opcode.jumpTarget(ins[back], ins, back);
            int before = -1;
            for (int pc = 0; pc < body; pc += Opcode.length(ins[pc])) {
                before = pc;
            }
            assertEquals(Opcode.JUMP, ins[before], "the instruction before the body at " + body);
            int test = Opcode.jumpTarget(Opcode.JUMP, ins, before);
            assertTrue(body < test && test <= back, "the JUMP before the body at " + body + " goes to its test");
            tests.add(test);
        }
        return tests;
    }

    @Test
    void aWhileLoopIsEnteredAtItsTestNotItsBody() throws CompileException {
        Code code = function("fn f(n) {\n while n > 0 {\n  n -= 1\n }\n return n\n}");
        assertEquals(whileTests(code), entries(code));
        assertEquals(1, entries(code).size());
    }

    @Test
    void nestedWhileLoopsAreEachEnteredAtTheirTest() throws CompileException {
        Code code = function("fn f(n) {\n let i = 0\n while i < n {\n  let j = 0\n  while j < i {\n   j += 1\n  }\n  i += 1\n }\n}");
        assertEquals(whileTests(code), entries(code));
        assertEquals(2, entries(code).size());
    }

    @Test
    void aForLoopIsEnteredAtItsTopWhereItsJumpBackGoes() throws CompileException {
        Code code = function("fn f(xs) {\n let t = 0\n for x in xs {\n  t += x\n }\n return t\n}");
        int back = backwardJumps(code).get(0);
        int top = Opcode.jumpTarget(code.instructions()[back], code.instructions(), back);
        assertEquals(Opcode.FOR_ITER, code.instructions()[top]);
        assertEquals(List.of(top), entries(code));
    }

    @Test
    void aWhileTrueLoopInsideAnElseIsEnteredAtItsTest() throws CompileException {
        // The if's branch ends in a JUMP over the else; the loop's own JUMP to its test follows it.
        Code code = function("fn f(c) {\n if c {\n  print(1)\n } else {\n  while true {\n   if c { break }\n  }\n }\n}");
        assertEquals(whileTests(code), entries(code));
        assertEquals(1, entries(code).size());
    }
}
