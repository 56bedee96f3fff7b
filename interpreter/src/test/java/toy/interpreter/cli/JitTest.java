package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second tier keeps what the interpreter guarantees. These tests run, as all of this
 * module's, with {@code -Dtoy.jit=eager} (pom.xml): every function is compiled at its second
 * call and any code at its first checkpoint, so both ways into compiled code are taken.
 */
// A wrong loop test in compiled code can loop for ever: it fails then rather than hanging the build.
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JitTest {
    @TempDir
    Path dir;

    private ToyRunner.Result run(String source, String... options) throws IOException {
        Path file = dir.resolve("t.toy");
        Files.writeString(file, source);
        String[] args = new String[options.length + 1];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = file.toString();
        return ToyRunner.run(args);
    }

    @Test
    void recursionIsBoundedByTheLimitAloneInTheMainThreadAndASpawnedOne() throws IOException {
        ToyRunner.Result result = run("""
                fn down(n) {
                    if n == 0 {
                        return 0
                    }
                    return down(n - 1) + 1
                }
                print(down(300000))
                print((spawn down(300000)).join())
                """, "--recursion-limit", "1000000");
        assertEquals("300000\n300000\n", result.out());
        assertEquals("", result.err());
    }

    @Test
    void aNameErrorInCompiledCodeSuggestsTheVariableInScopeAtItsOffset() throws IOException {
        // The third call runs the code compiled at the second: its load and its store of the
        // misspelt name find their suggestions by their own offsets, as the interpreter's do.
        ToyRunner.Result result = run("""
                fn k(n, store) {
                    let value = 1
                    if n > 2 {
                        if store {
                            valeu = 3
                        }
                        return valeu
                    }
                    return 0
                }
                k(1, false)
                k(2, false)
                try { k(3, false) } catch e { print(e) }
                try { k(3, true) } catch e { print(e) }
                """);
        assertEquals("NameError: name 'valeu' is not defined. Did you mean: 'value'?\n".repeat(2), result.out(), result.err());
    }

    @Test
    void theRecursionLimitStopsCompiledCallsWithTheInterpretersTraceback() throws IOException {
        ToyRunner.Result result = run("""
                fn down(n) {
                    return down(n + 1)
                }
                down(0)
                """, "--recursion-limit", "300");
        assertEquals(70, result.status(), result.err());
        assertEquals(true, result.err().endsWith("RecursionError: maximum recursion depth exceeded\n"), result.err());
        assertEquals(true, result.err().contains("line 2, in down\n    return down(n + 1)\n"), result.err());
    }

    @Test
    void aLoopEnteredFromTheInterpreterKeepsItsOperandStackAndHandlers() throws IOException {
        // Top-level code runs once: it moves into compiled code at a loop header, here with
        // the outer loop's iterator and the inner one's on the operand stack.
        ToyRunner.Result result = run("""
                let total = 0
                let caught = 0
                for word in ["a", "bb", "ccc"] {
                    for i in range(40) {
                        try {
                            if i % 7 == 3 {
                                raise "seven"
                            }
                            total += len(word) * i
                        } catch e {
                            caught += 1
                        }
                    }
                }
                print(total, caught)
                """);
        assertEquals("3942 18\n", result.out());
    }

    @Test
    void compiledCodeCountsEveryInstructionAsTheInterpreterDoes() throws IOException {
        // Compiled code keeps the interpreter's budget, with its own checkpoint and throw paths:
        // the counts must not move, at any interval, with errors raised and caught in loops.
        String program = """
                let g = 0
                fn work(n) {
                    let total = 0
                    let i = 0
                    while i < n {
                        total += i % 7
                        i += 1
                        g += 1
                    }
                    for k in range(n) {
                        try {
                            if k % 100 == 3 {
                                raise "x"
                            }
                            total = total + 1
                        } catch e {
                            total -= 1
                        }
                    }
                    return total
                }
                let t = spawn work(3000)
                print(work(2000), t.join())
                """;
        for (String interval : new String[] {"1", "7", "5ms"}) {
            assertEquals(instructionCounts(program, interval, "off"), instructionCounts(program, interval, "eager"), interval);
        }
    }

    @Test
    void loopsCompiledWhileAnotherThreadRunsKeepTheInterpretersResultsAndCounts() throws IOException {
        // Compiled while another thread lives, a loop closed by a backward jump on an int comparison
        // (each of the six; fused with a local, two locals or two stack values) or on an int's or a
        // bool's truth is closed the other way round (JitCompiler's loopsCloseByJump): the
        // opposite int test forward, then a jump back. A "not" comparison's backward jump is
        // already unconditional; a float's comparison (NaN too) keeps its own test.
        String program = """
                fn kinds(n) {
                    let total = 0
                    let k = n
                    while k > 0 {
                        k -= 1
                        total += 1
                    }
                    let i = 0
                    while i < n {
                        i += 2
                        total += 1
                    }
                    let xs = [0]
                    while xs[0] < n {
                        xs[0] += 3
                        total += 1
                    }
                    let m = n
                    while m {
                        m -= 1
                        total += 1
                    }
                    let going = true
                    let j = 0
                    while going {
                        j += 1
                        going = j < n
                        total += 1
                    }
                    let x = 0.0
                    while x < n / 2 {
                        x += 1.5
                        total += 1
                    }
                    let nan = float("nan")
                    while nan < 1.0 {
                        total += 1000
                    }
                    let a = n
                    while a != 0 {
                        a -= 1
                        total += 1
                    }
                    let b = 0
                    while b <= n {
                        b += 3
                        total += 1
                    }
                    let c = n
                    while c >= 0 {
                        c -= 4
                        total += 1
                    }
                    let d = 0
                    while d == 0 {
                        d = 1
                        total += 1
                    }
                    let e = 0
                    while not e >= n {
                        e += 5
                        total += 1
                    }
                    while not (nan >= 1.0) {
                        total += 1
                        nan = 2.0
                    }
                    return total
                }
                let t = spawn kinds(3000)
                print(kinds(2000), kinds(1000), t.join())
                """;
        for (String interval : new String[] {"1", "7", "5ms"}) {
            String counts = instructionCounts(program, interval, "eager");
            assertEquals(instructionCounts(program, interval, "off"), counts, interval);
            assertEquals("11904 5955 17854\n", counts.substring(0, counts.indexOf('\n') + 1), interval);
        }
    }

    @Test
    void everyComparisonThatClosesALoopCompiledWhileAnotherThreadLivesKeepsItsOutcome() throws IOException {
        // Each comparison closing a loop, against a local and against a constant, from either side
        // of the bound, counting up and down: a wrong opposite test exits at another step (capped
        // at 5, so that one that never exits still ends).
        String[] ops = {"==", "!=", "<", "<=", ">", ">="};
        StringBuilder program = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < ops.length; i++) {
            for (String bound : new String[] {"b", "0"}) {
                String name = (bound.equals("b") ? "local" : "constant") + i;
                program.append("fn ").append(name).append("(x, b, d) {\n    let t = 0\n    while x ").append(ops[i]).append(' ')
                        .append(bound).append(" {\n        x += d\n        t += 1\n        if t >= 5 {\n            break\n        }\n"
                        + "    }\n    return t\n}\n");
                calls.append("            sig += str(").append(name).append("(s, 0, d))\n");
            }
        }
        program.append("fn all() {\n    let sig = \"\"\n    for s in range(-2, 3) {\n        for d in [1, -1] {\n").append(calls)
                .append("        }\n    }\n    return sig\n}\nlet t = spawn all()\nprint(all(), t.join())\n");
        for (String interval : new String[] {"1", "5ms"}) {
            assertEquals(instructionCounts(program.toString(), interval, "off"), instructionCounts(program.toString(), interval, "eager"),
                    interval);
        }
    }

    /** The output and the "instructions" of each thread in --stats-json, in order, of a run under the JIT mode given. */
    private String instructionCounts(String program, String interval, String jit) throws IOException {
        Path stats = dir.resolve("stats-" + jit + ".json");
        String before = System.getProperty("toy.jit");
        System.setProperty("toy.jit", jit);
        ToyRunner.Result result;
        try {
            result = run(program, "--switch-interval", interval, "--stats-json", stats.toString());
        } finally {
            if (before == null) {
                System.clearProperty("toy.jit");
            } else {
                System.setProperty("toy.jit", before);
            }
        }
        assertEquals("", result.err());
        return result.out() + Pattern.compile("\"instructions\" : (\\d+)").matcher(Files.readString(stats)).results()
                .map(m -> m.group(1)).toList();
    }

    @Test
    void callSitesGiveTheGeneralCallsResultsWhateverTheyMeet() throws IOException {
        // Calls of one argument and the method calls specialized by name (QuickMethods) take
        // shortcuts for a builtin that has code for one argument and for a receiver of the
        // method's own type; these sites meet everything else too, and errors are caught.
        ToyRunner.Result result = run("""
                fn twice(x) {
                    return x * 2
                }
                let q = Queue()
                q.put("queued")
                q.put("queued")
                let callees = [twice, len, str, sorted, "abc".upper, 5]
                let receivers = [[1], {"k": "v"}, "a b", q, 7]
                for round in range(2) {
                    let out = []
                    for f in callees {
                        try {
                            out.append(f("xy"))
                        } catch e {
                            out.append(e.message)
                        }
                    }
                    for r in receivers {
                        for step in range(5) {
                            try {
                                if step == 0 {
                                    out.append(r.append(round))
                                } else if step == 1 {
                                    out.append(r.get("k"))
                                } else if step == 2 {
                                    out.append(r.get("k", "dflt"))
                                } else if step == 3 {
                                    out.append(r.split())
                                } else {
                                    out.append("-".join(r))
                                }
                            } catch e {
                                out.append(e.message)
                            }
                        }
                    }
                    print(out)
                }
                """);
        String round = "[\"xyxy\", 2, \"xy\", [\"x\", \"y\"], \"str.upper() takes no arguments (1 given)\", \"'int' object is not callable\", nil, \"'list' object has no attribute 'get'\", \"'list' object has no attribute 'get'\", \"'list' object has no attribute 'split'\", \"sequence item 0: expected str instance, int found\", \"'map' object has no attribute 'append'\", \"v\", \"v\", \"'map' object has no attribute 'split'\", \"k\", \"'str' object has no attribute 'append'\", \"'str' object has no attribute 'get'\", \"'str' object has no attribute 'get'\", [\"a\", \"b\"], \"a- -b\", \"'Queue' object has no attribute 'append'\", \"queued\", \"'str' object cannot be interpreted as a number of seconds\", \"'Queue' object has no attribute 'split'\", \"can only join an iterable\", \"'int' object has no attribute 'append'\", \"'int' object has no attribute 'get'\", \"'int' object has no attribute 'get'\", \"'int' object has no attribute 'split'\", \"can only join an iterable\"]\n";
        assertEquals(round + round, result.out());
        assertEquals("", result.err());
    }
}
