package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The developer property {@code -Dtoy.jit}: a value other than on, off or eager is a usage error, for every command. */
class JitPropertyTest {
    @TempDir
    Path dir;

    /** Runs toy with {@code -Dtoy.jit=value}, the property as it was put back afterwards. */
    private static ToyRunner.Result runWithJit(String value, String... args) {
        String before = System.getProperty("toy.jit");
        System.setProperty("toy.jit", value);
        try {
            return ToyRunner.run(args);
        } finally {
            if (before == null) {
                System.clearProperty("toy.jit");
            } else {
                System.setProperty("toy.jit", before);
            }
        }
    }

    @Test
    void anUnknownModeIsAUsageErrorNamingTheModes() throws IOException {
        Path file = Files.writeString(dir.resolve("hello.toy"), "print(\"hello\")\n");
        String[][] commandLines = {{file.toString()}, {"run", "--recursion-limit", "50", file.toString()},
            {"dis", file.toString()}, {"repl"}};
        for (String[] args : commandLines) {
            ToyRunner.Result result = runWithJit("bogus", args);
            assertEquals(new ToyRunner.Result(ExitStatus.USAGE, "", "toy: -Dtoy.jit=bogus: the JIT is on, off or eager\n"),
                    result, String.join(" ", args));
        }
    }

    @Test
    void theModesAreReadWhateverTheirCase() throws IOException {
        Path file = Files.writeString(dir.resolve("hello.toy"), "print(\"hello\")\n");
        for (String mode : new String[] {"on", "OFF", "Eager"}) {
            assertEquals(new ToyRunner.Result(0, "hello\n", ""), runWithJit(mode, file.toString()), mode);
        }
    }
}
