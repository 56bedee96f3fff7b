package toy.interpreter.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.bytecode.Opcode;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.Scripts;
import toy.interpreter.compiler.SourceFile;

/**
 * The runs compiled code charges the budget by ({@link BudgetRuns}), over the code of every
 * sample that compiles: each reachable instruction is in exactly one run, only a run's last
 * instruction may be other than quiet, nothing jumps or unwinds into a run's middle, and the
 * interpreter hands a frame over ({@link JitCompiler#loopHeaders}) only where a run starts.
 */
class BudgetRunsTest {
    @Test
    void everySamplesRunsCoverItsCodeOnceWithOnlyQuietInstructionsBeforeTheLast() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("..", "samples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".toy")).sorted().toList()) {
                Code main;
                try {
                    main = Compiler.compile(new SourceFile(file.toString(), Files.readString(file)), new Globals());
                } catch (CompileException e) {
                    continue; // a sample of a compile error
                }
                for (Code code : Scripts.withFunctions(main)) {
                    check(code, file + ": " + code.name());
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked + " functions");
    }

    @Test
    void anInnerLoopsBodyIsChargedInFewRuns() throws CompileException {
        // flags[j] = false (4 instructions, the store last), j += i (3), the store of j
        // (alone: the loop's test is a jump target), the fused test and jump: 4 runs for 9.
        Code code = Scripts.firstFunction("""
                fn mark(flags, i, n) {
                    let j = i * i
                    while j <= n {
                        flags[j] = false
                        j += i
                    }
                }
                """);
        int[] lengths = BudgetRuns.lengths(code);
        int[] ins = code.instructions();
        int body = -1;
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            if (Opcode.jumps(ins[pc]) && Opcode.jumpTarget(ins[pc], ins, pc) < pc) {
                body = Opcode.jumpTarget(ins[pc], ins, pc);
            }
        }
        List<Integer> runs = new ArrayList<>();
        for (int pc = body; runs.size() < 4; pc += Opcode.length(ins[pc])) {
            if (lengths[pc] > 0) {
                runs.add(lengths[pc]);
            }
        }
        assertEquals(List.of(4, 3, 1, 1), runs);
    }

    private static void check(Code code, String where) {
        int[] ins = code.instructions();
        int[] depth = code.stackDepths();
        int[] lengths = BudgetRuns.lengths(code);
        boolean[] entered = new boolean[ins.length + 1];
        for (Code.Handler handler : code.handlers()) {
            entered[handler.target()] = true;
        }
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            if (Opcode.jumps(ins[pc])) {
                entered[Opcode.jumpTarget(ins[pc], ins, pc)] = true;
            }
        }
        boolean[] entries = JitCompiler.loopHeaders(code);
        for (int pc = 0; pc < ins.length; pc++) {
            assertTrue(!entries[pc] || depth[pc] < 0 || lengths[pc] > 0, where + ": the entry at " + pc + " starts no run");
        }
        int left = 0;
        for (int pc = 0; pc < ins.length; pc += Opcode.length(ins[pc])) {
            if (depth[pc] < 0) {
                assertEquals(0, lengths[pc], where + ": a run at unreachable " + pc);
                assertEquals(0, left, where + ": a run reaching unreachable " + pc);
                continue;
            }
            if (left == 0) {
                assertTrue(lengths[pc] > 0, where + ": " + pc + " is in no run");
                left = lengths[pc];
            } else {
                assertEquals(0, lengths[pc], where + ": a run starts at " + pc + " inside another");
                assertTrue(!entered[pc], where + ": a jump or handler enters a run's middle at " + pc);
            }
            left--;
            if (left > 0) {
                assertTrue(BudgetRuns.quiet(ins[pc]), where + ": " + Opcode.name(ins[pc]) + " at " + pc + " is not last in its run");
            }
        }
        assertEquals(0, left, where + ": the last run goes past the code's end");
    }
}
