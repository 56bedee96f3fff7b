package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The toy command's contract (CLI.md): commands, options, exit statuses, and never a Java stack trace. */
class CommandLineTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void shorthandRunsAFileWithItsArguments() throws IOException {
        Path file = script("args.toy", "print(args())\n");
        assertEquals("[\"a\", \"-b\"]\n", ToyRunner.run(file.toString(), "a", "-b").out());
        assertEquals("[]\n", ToyRunner.run("run", file.toString()).out());
        assertEquals("[\"x\"]\n", ToyRunner.run("--recursion-limit", "50", file.toString(), "x").out());
    }

    @Test
    void exitStatuses() throws IOException {
        assertEquals(0, ToyRunner.run(script("ok.toy", "print(1)").toString()).status());
        assertEquals(65, ToyRunner.run(script("bad.toy", "let = 1").toString()).status());
        assertEquals(70, ToyRunner.run(script("boom.toy", "print(1 / 0)").toString()).status());
        assertEquals(3, ToyRunner.run(script("exit.toy", "exit(3)\nprint(\"not reached\")").toString()).status());
        assertEquals(2, ToyRunner.run().status());
        assertEquals(2, ToyRunner.run("run", "--no-such-option", "x.toy").status());
        assertEquals(2, ToyRunner.run("run", "--recursion-limit", "0", "x.toy").status());
        // A duration past a long's nanoseconds: a usage error, not an overflow handed on.
        ToyRunner.Result tooLong = ToyRunner.run("run", "--switch-interval", "9999999999999ms", "x.toy");
        assertEquals(2, tooLong.status());
        assertTrue(tooLong.err().contains("'9999999999999ms' is too long a switch interval: at most 9223372036854ms"), tooLong.err());
        assertEquals(2, ToyRunner.run("run", "--switch-interval", "18446744073709552us", "x.toy").status());
    }

    @Test
    void missingScript() {
        ToyRunner.Result result = ToyRunner.run(dir.resolve("nope.toy").toString());
        assertEquals(66, result.status());
        assertEquals("toy: can't open file '" + dir.resolve("nope.toy") + "': No such file or directory\n", result.err());
        assertEquals(66, ToyRunner.run("run", dir.toString()).status());
    }

    @Test
    void notUtf8IsACompileError() throws IOException {
        Path file = Files.write(dir.resolve("latin1.toy"), new byte[] {'p', 'r', 'i', 'n', 't', '(', '"', (byte) 0xE9, '"', ')'});
        ToyRunner.Result result = ToyRunner.run(file.toString());
        assertEquals(65, result.status());
        assertEquals(file + ": error: the file is not UTF-8 text\n", result.err());
    }

    @Test
    void exitFlushesOutputFirst() throws IOException {
        ToyRunner.Result result = ToyRunner.run(script("flush.toy", "print(\"before\")\nexit(0)").toString());
        assertEquals("before\n", result.out());
    }

    @Test
    void recursionLimitOption() throws IOException {
        Path file = script("deep.toy", "fn f(n) {\n    if n == 0 { return 0 }\n    return f(n - 1)\n}\nprint(f(100))");
        assertEquals("0\n", ToyRunner.run(file.toString()).out());
        ToyRunner.Result limited = ToyRunner.run("run", "--recursion-limit", "50", file.toString());
        assertEquals(70, limited.status());
        assertTrue(limited.err().endsWith("RecursionError: maximum recursion depth exceeded\n"), limited.err());
    }

    @Test
    void deeplyNestedValueIsARecursionErrorNotACrash() throws IOException {
        Path file = script("nested.toy", "let a = []\nfor i in range(200000) { a = [a] }\nprint(a)");
        ToyRunner.Result result = ToyRunner.run(file.toString());
        assertEquals(70, result.status());
        assertTrue(result.err().contains("\nRecursionError: maximum recursion depth exceeded"), result.err());
    }

    @Test
    void checkReportsEveryFile() throws IOException {
        Path good = script("good.toy", "print(1)");
        Path bad = script("bad.toy", "print(1 < 2 < 3)");
        ToyRunner.Result result = ToyRunner.run("check", good.toString(), bad.toString());
        assertEquals(65, result.status());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith(bad + ":1:13: error: comparisons cannot be chained"), result.err());
        assertEquals(0, ToyRunner.run("check", good.toString()).status());
    }

    @Test
    void disShowsEveryFunction() throws IOException {
        Path file = script("dis.toy", "fn twice(x) {\n    return x * 2\n}\nprint(twice(\"ab\"))\n");
        ToyRunner.Result result = ToyRunner.run("dis", file.toString());
        assertEquals(0, result.status());
        String expected = """
                Disassembly of twice (%s, line 1):
                   2         0 LOAD_LOCAL           0            (x)
                             2 INT                  2
                             4 MUL
                             5 RETURN
                             6 NIL
                             7 RETURN
                """.formatted(file);
        assertTrue(result.out().contains(expected), result.out());
        assertTrue(result.out().contains("CONST                1            (\"ab\")"), result.out());
    }

    @Test
    void helpAndVersion() {
        ToyRunner.Result help = ToyRunner.run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("dis") && help.out().contains("check"), help.out());
        assertEquals(0, ToyRunner.run("help", "run").status());
        ToyRunner.Result version = ToyRunner.run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("toy "), version.out());
        assertEquals(version.out(), ToyRunner.run("run", "--version").out());
        assertEquals(version.out(), ToyRunner.run("dis", "-V").out());
        assertTrue(help.out().contains("toy FILE [ARG...]"), help.out());
        assertTrue(help.out().contains("65   compile error") && help.out().contains("141"), help.out());
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatListsTheCommands() {
        ToyRunner.Result result = ToyRunner.run("chek", "x.toy");
        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("toy: 'chek' is not a command, and no script of that name exists\n"), result.err());
        assertTrue(result.err().contains("Commands: run, launch, dis, check, repl, help."), result.err());
        // What names a script runs it, and is reported as missing if it is.
        assertEquals(66, ToyRunner.run("missing.toy").status());
        assertEquals(66, ToyRunner.run("no/such/script").status());
    }

    @Test
    void aVeryLongLineIsEchoedAsAWindowAroundTheCaret() throws IOException {
        String line = "let x = " + "1 + ".repeat(2_500) + "$" + " + 1".repeat(2_500);
        ToyRunner.Result result = ToyRunner.run(script("long.toy", line).toString());
        assertEquals(65, result.status());
        String[] report = result.err().split("\n");
        int column = line.indexOf('$') + 1;
        assertTrue(report[0].endsWith(":1:" + column + ": error: invalid character '$'"), report[0]);
        assertTrue(report[1].length() <= 126 && report[1].startsWith("...") && report[1].endsWith("..."), report[1]);
        assertEquals('$', report[1].charAt(report[2].indexOf('^')), report[1] + "\n" + report[2]);
    }

    @Test
    void sleepingLongerThanALongCanCountIsAnOverflowError() throws IOException {
        ToyRunner.Result result = ToyRunner.run(script("sleep.toy", """
                for s in [1e300, float("inf")] {
                    try { sleep(s) } catch e { print(e) }
                }
                try { sleep(float("nan")) } catch e { print(e) }
                try { sleep(-1) } catch e { print(e) }
                """).toString());
        assertEquals("OverflowError: sleep length is too large\nOverflowError: sleep length is too large\n"
                + "ValueError: Invalid value NaN (not a number)\nValueError: sleep length must be non-negative\n", result.out());
    }

    @Test
    void tooDeeplyNestedSourceIsACompileError() throws IOException {
        Path file = script("deep.toy", "print(" + "(".repeat(5_000) + "1" + ")".repeat(5_000) + ")");
        ToyRunner.Result result = ToyRunner.run(file.toString());
        assertEquals(65, result.status());
        assertTrue(result.err().startsWith(file + ":1:1: error: the program is nested too deeply to compile"), result.err());
    }

    @Test
    void noJavaStackTraceForBrokenInput() throws IOException {
        String[] inputs = {"", "\0\0\0", "fn", "fn f(", "{{{{", "}}}", "let x = [1, 2", "\"\\", "'", "if {", "x.y.z = 1",
            "spawn", "for in {}", "try {} catch {}", "1 +* 2", "while true { break } }", "let 1 = 2", "f(,)", "a[1:2:3]"};
        for (String input : inputs) {
            ToyRunner.Result result = ToyRunner.run(script("broken.toy", input).toString());
            assertTrue(result.status() == 0 || result.status() == 65 || result.status() == 70,
                    "status " + result.status() + " for " + input);
            assertFalse(result.err().contains("\tat ") || result.err().contains("Exception"), result.err());
        }
    }
}
