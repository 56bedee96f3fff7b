package toy.interpreter.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.Scripts;
import toy.interpreter.compiler.SourceFile;

/**
 * Checks the instruction table's stack effects ({@link Opcode#stackEffect},
 * {@link Opcode#jumpStackEffect}) against the code the compiler makes for every sample
 * ({@code samples/**}{@code /*.toy}): an abstract interpretation of each function, as the JVM's
 * type-checking verifier does (JVMS 4.10.1), walks its instructions from depth 0 at offset 0 and
 * from each try handler at the handler's depth plus the error it pushes, following fall-through
 * and jump edges. Every instruction must be reached at one depth only, the depth never goes
 * below 0 nor above the frame's operand stack ({@link Code#maxStack}).
 */
class StackEffectTest {
    @TestFactory
    Stream<DynamicTest> samplesHaveConsistentStackDepths() throws IOException {
        Path root = root();
        return samples(root).stream().map(script -> DynamicTest.dynamicTest(root.relativize(script).toString(),
                script.toUri(), () -> {
                    Code main = compile(script);
                    if (main != null) {
                        checkAll(main, new BitSet());
                    }
                }));
    }

    /** So that every row of the table is checked by the test above. */
    @Test
    void everyOpcodeAppearsInASample() throws IOException {
        BitSet seen = new BitSet();
        for (Path script : samples(root())) {
            Code main = compile(script);
            if (main != null) {
                checkAll(main, seen);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int op = 0; op < Opcode.count(); op++) {
            if (!seen.get(op)) {
                missing.add(Opcode.name(op));
            }
        }
        assertEquals(List.of(), missing, "opcodes no sample's code contains");
    }

    private static Path root() {
        return Path.of(System.getProperty("toy.root", "..")).toAbsolutePath().normalize();
    }

    private static List<Path> samples(Path root) throws IOException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("samples"))) {
            files.filter(f -> f.toString().endsWith(".toy")).sorted().forEach(scripts::add);
        }
        assertTrue(scripts.size() > 0, "no samples under " + root.resolve("samples"));
        return scripts;
    }

    /** The script's code, or null for a sample of compile errors. */
    private static Code compile(Path script) throws IOException {
        String text = Files.readString(script, StandardCharsets.UTF_8);
        try {
            return Compiler.compile(new SourceFile(script.toString(), text), new Globals());
        } catch (CompileException e) {
            return null;
        }
    }

    @Test
    void jumpsAreTheInstructionsWithATarget() {
        for (int op = 0; op < Opcode.count(); op++) {
            Opcode.Operand[] kinds = Opcode.operands(op);
            boolean target = kinds.length > 0 && kinds[kinds.length - 1] == Opcode.Operand.TARGET;
            assertEquals(target, Opcode.jumps(op), Opcode.name(op));
        }
    }

    @Test
    void operandCountsScaleTheEffect() {
        int[] code = {Opcode.CALL_METHOD_KW, 0, 3, 0};
        assertEquals(-3, Opcode.stackEffect(Opcode.CALL_METHOD_KW, code, 0));
        code = new int[] {Opcode.NIL, Opcode.BUILD_MAP, 2};
        assertEquals(-3, Opcode.stackEffect(Opcode.BUILD_MAP, code, 1));
        code = new int[] {Opcode.UNPACK, 3};
        assertEquals(2, Opcode.stackEffect(Opcode.UNPACK, code, 0));
        code = new int[] {Opcode.FOR_ITER, 7};
        assertEquals(1, Opcode.stackEffect(Opcode.FOR_ITER, code, 0));
        assertEquals(-1, Opcode.jumpStackEffect(Opcode.FOR_ITER, code, 0));
        assertEquals(7, Opcode.jumpTarget(Opcode.FOR_ITER, code, 0));
    }

    @Test
    void aNonJumpHasNoJumpEffect() {
        int[] code = {Opcode.POP};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Opcode.jumpStackEffect(Opcode.POP, code, 0));
        assertEquals("POP does not jump", e.getMessage());
    }

    /** Checks a function and, through its constants, the functions it defines; adds the opcodes reached to {@code seen}. */
    private static void checkAll(Code code, BitSet seen) {
        for (Code each : Scripts.withFunctions(code)) {
            check(each, seen);
        }
    }

    private static void check(Code code, BitSet seen) {
        int[] ins = code.instructions();
        int[] depth = new int[ins.length];
        Arrays.fill(depth, -1);
        Deque<Integer> work = new ArrayDeque<>();
        reach(code, depth, work, 0, 0, "entry");
        for (Code.Handler h : code.handlers()) {
            reach(code, depth, work, h.target(), h.depth() + 1, "handler");
        }
        while (!work.isEmpty()) {
            int at = work.pop();
            int op = ins[at];
            seen.set(op);
            int d = depth[at];
            if (Opcode.fallsThrough(op)) {
                reach(code, depth, work, at + Opcode.length(op), d + Opcode.stackEffect(op, ins, at), Opcode.name(op));
            } else {
                assertTrue(d + Opcode.stackEffect(op, ins, at) >= 0, where(code, at) + ": pops below 0");
            }
            if (Opcode.jumps(op)) {
                reach(code, depth, work, Opcode.jumpTarget(op, ins, at), d + Opcode.jumpStackEffect(op, ins, at),
                        Opcode.name(op) + " jumping");
            }
        }
    }

    /** Records that offset {@code at} is reached at depth {@code d}; fails on a conflict or an overflow. */
    private static void reach(Code code, int[] depth, Deque<Integer> work, int at, int d, String from) {
        assertTrue(at >= 0 && at < depth.length, code.name() + ": " + from + " leaves the code at offset " + at);
        assertTrue(d >= 0, where(code, at) + ": depth " + d + " after " + from);
        assertTrue(d <= code.maxStack(), where(code, at) + ": depth " + d + " after " + from
                + " exceeds the frame's stack of " + code.maxStack());
        if (depth[at] < 0) {
            depth[at] = d;
            work.push(at);
        } else {
            assertEquals(depth[at], d, where(code, at) + ": reached at two depths, the second after " + from);
        }
    }

    private static String where(Code code, int at) {
        return code.name() + " offset " + at + " (" + Opcode.name(code.instructions()[at]) + ", line " + code.lineAt(at) + ")";
    }
}
