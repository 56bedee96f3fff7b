package toy.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandTest {
    @TempDir
    Path dir;

    @Test
    void aScriptThroughADescriptorIsNamedByTheFileBehindItOrNotAtAll() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux's /proc");
        assertEquals("t.toy", JavaCommand.scriptForAnotherProcess("t.toy"));
        Path file = Files.writeString(dir.resolve("t.toy"), "print(1)\n").toRealPath();
        Pipe pipe = Pipe.open();
        try (FileInputStream open = new FileInputStream(file.toFile()); var source = pipe.source(); var sink = pipe.sink()) {
            String descriptor = descriptor(target -> target.equals(file.toString()));
            assertEquals(file.toString(), JavaCommand.scriptForAnotherProcess(descriptor));
            assertEquals(file.toString(), JavaCommand.scriptForAnotherProcess(descriptor.replace("/proc/self/fd/", "/dev/fd/")));
            // What another process cannot open again: a pipe.
            assertNull(JavaCommand.scriptForAnotherProcess(descriptor(target -> target.startsWith("pipe:"))));
            assertNull(JavaCommand.scriptForAnotherProcess("/dev/fd/99999"));
            // Through a link, and a name with a doubled slash, as well.
            Path link = Files.createSymbolicLink(dir.resolve("in.toy"), Path.of(descriptor));
            assertEquals(file.toString(), JavaCommand.scriptForAnotherProcess(link.toString()));
            assertEquals(file.toString(), JavaCommand.scriptForAnotherProcess("/" + descriptor));
            // A link to an ordinary file keeps its name: the worker opens the same.
            Path plain = Files.createSymbolicLink(dir.resolve("plain.toy"), file);
            assertEquals(plain.toString(), JavaCommand.scriptForAnotherProcess(plain.toString()));
        }
    }

    /** "/proc/self/fd/N" of a descriptor of this process whose link's target passes the test. */
    private static String descriptor(Predicate<String> target) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (target.test(Files.readSymbolicLink(fd).toString())) {
                        return "/proc/self/fd/" + fd.getFileName();
                    }
                } catch (IOException e) {
                    // The descriptor Files.list itself held, closed by now.
                }
            }
        }
        throw new AssertionError("no such descriptor");
    }
}
