package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picocli model that {@link Main} and the commands build in code (CLI.md): what help shows,
 * which parameters are required, and that every option's value reaches the run. These are the
 * points where a model built in code can differ from picocli's defaults for annotated fields.
 */
class CommandModelTest {
    @TempDir
    Path dir;

    @Test
    void runHelpListsEveryOptionAndTheOptionalArguments() {
        ToyRunner.Result help = ToyRunner.run("run", "--help");
        assertEquals(0, help.status());
        for (String shown : new String[] {"Usage: toy run ", "-h, --help", "-V, --version", "--recursion-limit=N",
            "--switch-interval=N|DURATION", "--gil=POLICY", "--trace=FILE", "--trace-format=FORMAT",
            "--trace-threads=NAME[,NAME...]", "--trace-limit=N", "--stats", "--stats-json=FILE", "--timeline=FILE",
            " FILE ", "[ARG...]", "1000).", "Show this help message and exit.",
            "Print version information and exit."}) {
            assertTrue(help.out().contains(shown), shown + " in\n" + help.out());
        }
        assertFalse(help.out().contains("--launch-index"), help.out());
    }

    @Test
    void launchHelpHasItsRequiredCount() {
        ToyRunner.Result help = ToyRunner.run("launch", "--help");
        assertTrue(help.out().contains("-n=N") && help.out().contains("[ARG...]"), help.out());
        ToyRunner.Result missing = ToyRunner.run("launch", "x.toy");
        assertEquals(2, missing.status());
        assertEquals("toy: Missing required option: '-n=N'\nMore: toy launch --help\n", missing.err());
    }

    @Test
    void aMissingScriptParameterIsAUsageError() {
        for (String command : new String[] {"run", "dis", "check"}) {
            ToyRunner.Result result = ToyRunner.run(command);
            assertEquals(2, result.status(), command);
            assertTrue(result.err().startsWith("toy: Missing required parameter: 'FILE'"), result.err());
        }
    }

    @Test
    void optionValuesReachTheRun() throws IOException {
        Path file = Files.writeString(dir.resolve("opts.toy"),
                "print(args())\nprint(switch_interval())\nfn f(n) { try { return f(n + 1) } catch e { return n } }\nprint(f(0))\n");
        ToyRunner.Result result = ToyRunner.run("run", "--recursion-limit", "7", "--switch-interval", "100",
                "--gil", "unfair", "--trace", dir.resolve("t.txt").toString(), "--trace-threads", "MainThread,Thread-1",
                file.toString(), "a", "--b");
        assertEquals(0, result.status(), result.err());
        // The limit of 7 frames: <main> and f(0) to f(5); f(6) would be the 8th.
        assertEquals("[\"a\", \"--b\"]\n100\n5\n", result.out());
        ToyRunner.Result bad = ToyRunner.run("run", "--gil", "fair", file.toString());
        assertEquals(2, bad.status());
        assertEquals("toy: Invalid value for option '--gil': 'fair' is not a GIL policy: use handoff, unfair or off\n"
                + "More: toy run --help\n", bad.err());
    }
}
