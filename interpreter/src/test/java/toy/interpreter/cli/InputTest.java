package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code input()}: a line of standard input without its line break, nil at the end, the GIL released while it waits. */
class InputTest {
    private final InputStream originalIn = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    @Test
    void readsLinesThenNilAtTheEnd(@TempDir Path dir) throws IOException {
        System.setIn(new ByteArrayInputStream("one\r\ntwo\nlast".getBytes(StandardCharsets.UTF_8)));
        Path script = dir.resolve("input.toy");
        Files.writeString(script, """
                print(input("> "))
                print([input(), input(), input()])
                """);
        ToyRunner.Result result = ToyRunner.run("run", script.toString());
        assertEquals("> one\n[\"two\", \"last\", nil]\n", result.out());
        assertEquals(0, result.status());
    }

    @Test
    void anotherThreadRunsWhileInputWaits(@TempDir Path dir) throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        System.setIn(new PipedInputStream(feed));
        Path script = dir.resolve("wait.toy");
        Files.writeString(script, """
                fn worker() { print("worker ran") }
                let t = spawn worker()
                print("got", input())
                t.join()
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        AtomicInteger status = new AtomicInteger(-1);
        Thread run = new Thread(() -> status.set(Main.execute(new String[] {"run", script.toString()},
                new Console(outStream, errStream, false))));
        run.start();
        // The worker can print only if the main thread gave the GIL up while it waits for input.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!out.toString(StandardCharsets.UTF_8).contains("worker ran")) {
            assertTrue(System.nanoTime() < deadline, "the worker never ran while input() waited");
            Thread.sleep(5);
        }
        feed.write("hello\n".getBytes(StandardCharsets.UTF_8));
        feed.close();
        run.join();
        assertEquals("worker ran\ngot hello\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, status.get());
    }

    @Test
    void exitInAnotherThreadEndsTheRunWhileInputWaits(@TempDir Path dir) throws Exception {
        PipedOutputStream neverWritten = new PipedOutputStream();
        System.setIn(new PipedInputStream(neverWritten));
        Path script = dir.resolve("exit.toy");
        Files.writeString(script, """
                fn quit() { exit(3) }
                spawn quit()
                print(input())
                """);
        AtomicInteger status = new AtomicInteger(-1);
        Thread run = new Thread(() -> status.set(ToyRunner.run("run", script.toString()).status()));
        run.start();
        run.join(60_000);
        assertTrue(!run.isAlive(), "the run still waits for input after exit(3)");
        assertEquals(3, status.get());
        neverWritten.close();
    }
}
