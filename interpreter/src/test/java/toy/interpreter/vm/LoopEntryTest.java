package toy.interpreter.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Opcode;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Scripts;

/**
 * Where the interpreter may move a running frame into compiled code ({@link JitCompiler#loopHeaders}):
 * at each loop's one way in from the code before it, found here from the control-flow graph alone,
 * so that the entries add no second way into an innermost loop. (An outer loop still has the
 * entries of the loops inside it.)
 */
class LoopEntryTest {
    private static Code function(String text) throws CompileException {
        return Scripts.firstFunction(text);
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

    /**
     * A loop: the target of backward jumps (lo) up to the last of them (hi), both included (a
     * condition with {@code or} jumps back from each of its parts).
     */
    private record Loop(int lo, int hi) {
        boolean contains(int pc) {
            return lo <= pc && pc <= hi;
        }
    }

    private static List<Loop> loops(Code code) {
        int[] ins = code.instructions();
        Map<Integer, Integer> lastJumpBack = new TreeMap<>();
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            if (Opcode.jumps(ins[pc]) && Opcode.jumpTarget(ins[pc], ins, pc) <= pc) {
                lastJumpBack.put(Opcode.jumpTarget(ins[pc], ins, pc), pc);
            }
        }
        List<Loop> loops = new ArrayList<>();
        lastJumpBack.forEach((lo, hi) -> loops.add(new Loop(lo, hi)));
        return loops;
    }

    /**
     * Where control comes into a loop from outside it, from the control-flow graph alone: the
     * targets inside it of jumps from outside, and its first instruction when the one before
     * falls through to it.
     */
    private static Set<Integer> waysIn(Code code, Loop loop) {
        int[] ins = code.instructions();
        Set<Integer> in = new TreeSet<>();
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            int op = ins[pc];
            if (loop.contains(pc)) {
                continue;
            }
            if (Opcode.jumps(op) && loop.contains(Opcode.jumpTarget(op, ins, pc))) {
                in.add(Opcode.jumpTarget(op, ins, pc));
            }
            if (Opcode.fallsThrough(op) && pc + Opcode.length(op) == loop.lo()) {
                in.add(loop.lo());
            }
        }
        return in;
    }

    /**
     * Every loop has one way in from the code before it, and that is where the interpreter may
     * enter it; inside a loop, the only other entries are those of the loops nested in it.
     */
    private static void assertOneWayIntoEachLoop(String text) throws CompileException {
        Code code = function(text);
        List<Integer> entries = entries(code);
        List<Loop> loops = loops(code);
        assertTrue(!loops.isEmpty(), text);
        for (Loop loop : loops) {
            Set<Integer> in = waysIn(code, loop);
            assertEquals(1, in.size(), "ways into " + loop + ": " + in + " in " + text);
            Set<Integer> expected = new TreeSet<>(in);
            for (Loop inner : loops) {
                if (inner != loop && loop.contains(inner.lo()) && loop.contains(inner.hi())) {
                    expected.addAll(waysIn(code, inner));
                }
            }
            Set<Integer> inside = new TreeSet<>();
            for (int pc : entries) {
                if (loop.contains(pc)) {
                    inside.add(pc);
                }
            }
            assertEquals(expected, inside, "entries of " + loop + " in " + text);
        }
    }

    @Test
    void aWhileLoopIsEnteredAtItsTestNotItsBody() throws CompileException {
        String text = "fn f(n) {\n while n > 0 {\n  n -= 1\n }\n return n\n}";
        assertOneWayIntoEachLoop(text);
        Code code = function(text);
        Loop loop = loops(code).get(0);
        assertTrue(entries(code).get(0) > loop.lo(), "the test, below the body");
    }

    @Test
    void everyShapeOfLoopHasOneWayIn() throws CompileException {
        for (String text : List.of(
                "fn f(n) {\n let i = 0\n while i < n {\n  let j = 0\n  while j < i {\n   j += 1\n  }\n  i += 1\n }\n}",
                "fn f(c) {\n if c {\n  print(1)\n } else {\n  while true {\n   if c { break }\n  }\n }\n}",
                "fn f(a, b) {\n while a > 0 or b > 0 {\n  a -= 1\n  b -= 1\n }\n}",
                "fn f(xs) {\n let t = 0\n for x in xs {\n  t += x\n }\n return t\n}",
                "fn f(xs) {\n return [x * 2 for x in xs if x > 1]\n}",
                "fn f(xs) {\n let t = 0\n for x in xs {\n  if x > 2 { continue }\n  t += x\n }\n return t\n}",
                "fn f(xs) {\n for x in xs {\n  while x > 0 {\n   x -= 1\n  }\n }\n}",
                "fn f(lock, n) {\n with lock {\n  while n > 0 {\n   n -= 1\n  }\n }\n}")) {
            assertOneWayIntoEachLoop(text);
        }
    }
}
