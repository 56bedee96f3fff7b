package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands see the builtins as they did when the VM defined them all at its start, now that
 * it installs them a group at a time on first use (toy.interpreter.vm.LazyBuiltins).
 */
class BuiltinsOnFirstUseTest {
    @TempDir
    Path dir;
    private final InputStream originalIn = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    @Test
    void disShowsTheBuiltinsSlotsAsBefore() throws IOException {
        Path file = Files.writeString(dir.resolve("d.toy"), "print(len(args()), pi, Lock)\n");
        ToyRunner.Result result = ToyRunner.run("dis", file.toString());
        assertEquals("""
                Disassembly of <main> (%s, line 1):
                   1         0 LOAD_GLOBAL          46           (print)
                             2 LOAD_GLOBAL          0            (len)
                             4 LOAD_GLOBAL          55           (args)
                             6 CALL                 0
                             8 CALL                 1
                            10 LOAD_GLOBAL          52           (pi)
                            12 LOAD_GLOBAL          60           (Lock)
                            14 CALL                 3
                            16 POP
                            17 NIL
                            18 RETURN
                """.formatted(file), result.out());
    }

    @Test
    void theReplFindsBuiltinsAndKeepsItsOwnGlobals() {
        System.setIn(new ByteArrayInputStream("""
                len("ab")
                let str = 1
                str
                min(3, 2)
                sorted = 4
                sorted
                """.getBytes(StandardCharsets.UTF_8)));
        ToyRunner.Result result = ToyRunner.run("repl");
        assertEquals("2\n1\n2\n4\n", result.out());
        assertEquals(0, result.status());
    }
}
