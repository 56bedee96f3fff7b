package toy.runtime.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files: created or reported in words, never with a Java exception's name. */
class OutputFileTest {
    @TempDir
    Path dir;

    @Test
    void createsAndTruncates() throws Exception {
        Path file = dir.resolve("t.txt");
        Files.writeString(file, "old content");
        try (OutputStream out = OutputFile.create("trace", file.toString())) {
            out.write('x');
        }
        assertEquals("x", Files.readString(file));
    }

    @Test
    void reportsWhyInWords() {
        String missing = dir.resolve("nope/t.txt").toString();
        assertEquals("toy: can't create trace file '" + missing + "': No such file or directory",
                assertThrows(OutputFile.Failure.class, () -> OutputFile.create("trace", missing)).getMessage());
        assertEquals("toy: can't create stats file '" + dir + "': Is a directory",
                assertThrows(OutputFile.Failure.class, () -> OutputFile.create("stats", dir.toString())).getMessage());
        assertEquals("toy: can't write timeline file 't.html': No space left on device",
                OutputFile.writeFailure("timeline", "t.html", new IOException("No space left on device")));
    }
}
