package toy.runtime.observe;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An output file of the observability options (trace, stats, timeline): created before the
 * script starts, so that a path that cannot be written ends the run at once with a report in
 * words (sysexits' EX_CANTCREAT, 73), never a Java exception's name. The name {@value #STDERR}
 * means standard error ({@link #open}).
 */
public final class OutputFile {
    /** The file name that means standard error, as in {@code --trace -} and {@code --stats-json -}. */
    public static final String STDERR = "-";

    /** Buffer between the writers and the file: records are streamed, never kept. */
    private static final int BUFFER_BYTES = 1 << 16;

    private final String what;
    private final String path;

    private OutputFile(String what, String path) {
        this.what = what;
        this.path = path;
    }

    /** A file that cannot be created or written; the message is the whole one-line report. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Creates (or truncates) the file and returns a buffered stream to it.
     *
     * @param what what the file holds, for the report: "trace", "stats", "timeline"
     * @throws Failure with "toy: can't create trace file 'x/t.jsonl': No such file or directory"
     */
    public static OutputStream create(String what, String path) throws Failure {
        OutputFile file = new OutputFile(what, path);
        try {
            Path p = Path.of(path);
            if (Files.isDirectory(p)) {
                throw file.failure("create", "Is a directory");
            }
            return new BufferedOutputStream(Files.newOutputStream(p), BUFFER_BYTES);
        } catch (InvalidPathException e) {
            throw file.failure("create", "not a valid file name");
        } catch (IOException e) {
            throw file.failure("create", reason(e));
        }
    }

    /**
     * The stream an output option writes to: standard error for {@value #STDERR}, else the file,
     * created now ({@link #create}). Closing the standard error stream only flushes it: the run
     * reports on stderr after the writers are done.
     *
     * @param stderr the run's standard error
     * @throws Failure as {@link #create} does
     */
    public static OutputStream open(String what, String path, PrintStream stderr) throws Failure {
        return path.equals(STDERR) ? new KeptOpen(stderr) : create(what, path);
    }

    /**
     * Standard error under a writer that closes what it writes to: closing flushes, and leaves
     * it open. A PrintStream keeps a failed write to itself; this one throws, as a file's stream
     * does, so that the writer stops and the run ends with a failed output file's status (stderr
     * whose reader has gone away: {@code --trace - 2>&1 | head}).
     */
    private static final class KeptOpen extends OutputStream {
        private final PrintStream err;

        KeptOpen(PrintStream err) {
            this.err = err;
        }

        @Override
        public void write(int b) throws IOException {
            err.write(b);
            check();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            err.write(b, off, len);
            check();
        }

        @Override
        public void flush() throws IOException {
            check();
        }

        @Override
        public void close() throws IOException {
            check();
        }

        /** Flushes, and throws if a write has failed. */
        private void check() throws IOException {
            if (err.checkError()) {
                throw new IOException("standard error cannot be written");
            }
        }
    }

    /** The report of a write that failed after the file was created: "toy: can't write trace file 't.txt': No space left on device". */
    public static String writeFailure(String what, String path, IOException e) {
        return new OutputFile(what, path).failure("write", reason(e)).getMessage();
    }

    private Failure failure(String verb, String reason) {
        return new Failure("toy: can't " + verb + " " + what + " file '" + path + "': " + reason);
    }

    /** The operating system's words for what went wrong, as C's strerror gives them. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : message;
    }
}
