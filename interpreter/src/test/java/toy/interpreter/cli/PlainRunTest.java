package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PlainRun}, the command lines run without picocli: each gives what picocli's {@code run}
 * gives (output, errors, exit status), and every other command line is left to picocli.
 */
class PlainRunTest {
    @TempDir
    Path dir;

    @Test
    void takesOnlyRunWithAFileFirstAndNoArgumentFile() {
        assertTrue(PlainRun.applies(new String[] {"run", "f.toy"}));
        assertTrue(PlainRun.applies(new String[] {"run", "f.toy", "-x", "--help", "--", ""}));
        assertTrue(PlainRun.applies(new String[] {"run", ""}));
        assertFalse(PlainRun.applies(new String[] {"run"}));
        assertFalse(PlainRun.applies(new String[] {"dis", "f.toy"}));
        assertFalse(PlainRun.applies(new String[] {"run", "--stats", "f.toy"}));
        assertFalse(PlainRun.applies(new String[] {"run", "--", "f.toy"}));
        assertFalse(PlainRun.applies(new String[] {"run", "-h"}));
        assertFalse(PlainRun.applies(new String[] {"run", "@args"}));
        assertFalse(PlainRun.applies(new String[] {"run", "f.toy", "a", "@args"}));
    }

    @Test
    void givesWhatPicocliGives() throws IOException {
        Path args = Files.writeString(dir.resolve("args.toy"), "print(args())\n");
        Path exit = Files.writeString(dir.resolve("exit.toy"), "print(\"before\")\nexit(3)\n");
        Path error = Files.writeString(dir.resolve("error.toy"), "print(\"before\")\nx = 1 / 0\n");
        Path syntax = Files.writeString(dir.resolve("syntax.toy"), "print(\"x\"\n");
        Path notUtf8 = Files.write(dir.resolve("bytes.toy"), new byte[] {(byte) 0xff, 0x0a});
        List<String[]> lines = List.of(
                new String[] {"run", args.toString()},
                new String[] {"run", args.toString(), "a", "-x", "--help", "--", "", "b=c"},
                new String[] {"run", exit.toString()},
                new String[] {"run", error.toString()},
                new String[] {"run", syntax.toString()},
                new String[] {"run", notUtf8.toString()},
                new String[] {"run", dir.toString()},
                new String[] {"run", dir.resolve("missing.toy").toString()},
                new String[] {"run", ""});
        for (String[] line : lines) {
            assertTrue(PlainRun.applies(line), String.join(" ", line));
            ToyRunner.Result plain = ToyRunner.run(line);
            ToyRunner.Result picocli = viaPicocli(line);
            assertEquals(picocli, plain, String.join(" ", line));
        }
        assertEquals(new ToyRunner.Result(0, "[\"a\", \"-x\", \"--help\", \"--\", \"\", \"b=c\"]\n", ""),
                ToyRunner.run(lines.get(1)));
        assertEquals(3, ToyRunner.run(lines.get(2)).status());
    }

    /** {@code args} parsed and run by picocli's command line, as Main runs every other command line. */
    private static ToyRunner.Result viaPicocli(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = Main.commandLine(args[0], new Console(outStream, errStream, false)).execute(args);
        outStream.flush();
        return new ToyRunner.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
