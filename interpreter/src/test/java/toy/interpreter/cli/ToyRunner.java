package toy.interpreter.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the toy command in this JVM and captures what it printed. */
final class ToyRunner {
    private ToyRunner() {
    }

    record Result(int status, String out, String err) {
    }

    /** The repository root: set by Maven, or the parent of the module when run from an IDE. */
    static Path root() {
        return Path.of(System.getProperty("toy.root", "..")).toAbsolutePath().normalize();
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = Main.execute(args, new Console(outStream, errStream, false));
        outStream.flush();
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
