package toy.interpreter.vm;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import toy.runtime.threads.Aborted;

/**
 * The process's standard output: UTF-8 through a 64 KiB buffer, which its users flush (each
 * line when it goes to a pipe or a terminal). It remembers the first write that failed, so that
 * a run stops at its next write without flushing to ask ({@link #failed}), and so that the
 * command ends with a status that tells why ({@link #finish}): when standard output is a pipe
 * or a socket, its reader has gone away ({@code toy p.toy | head -1}), and the command ends
 * quietly with {@link Aborted#PIPE_CLOSED_STATUS}, as SIGPIPE ends a Unix tool; any other
 * failure (a full disk, {@code > /dev/full}, a descriptor closed before the start:
 * {@code >&-}) is one line on stderr and {@link Aborted#OUTPUT_ERROR_STATUS}.
 */
public final class StandardOutput extends PrintStream {
    /** The file type bits of a Unix mode, and the types a write fails on once the reader is gone. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFSOCK = 0140000;

    private final Descriptor descriptor;

    public StandardOutput() {
        this(new Descriptor());
    }

    private StandardOutput(Descriptor descriptor) {
        super(new BufferedOutputStream(descriptor, 1 << 16), false, StandardCharsets.UTF_8);
        this.descriptor = descriptor;
    }

    /** Whether a write has failed so far; asks nothing of the operating system (it does not flush). */
    public boolean failed() {
        return descriptor.failure != null;
    }

    /** What stops a run once a write has failed ({@link #failed}): quietly, with the status {@link #finish} gives. */
    public Aborted abort() {
        boolean closed = readerGone();
        return new Aborted(closed ? Aborted.Cause.PIPE_CLOSED : Aborted.Cause.OUTPUT_ERROR,
                closed ? Aborted.PIPE_CLOSED_STATUS : Aborted.OUTPUT_ERROR_STATUS, "");
    }

    /**
     * The exit status of a command that returned {@code status}, once what it left in the
     * buffer is written: {@code status} when every write succeeded; else that of the failure,
     * reported on {@code err} in one line unless the reader has gone away ("toy: can't write to
     * standard output: No space left on device").
     */
    public int finish(int status, PrintStream err) {
        flush();
        if (!failed()) {
            return status;
        }
        Aborted failure = abort();
        if (failure.cause() == Aborted.Cause.OUTPUT_ERROR) {
            String reason = descriptor.failure.getMessage();
            err.println("toy: can't write to standard output: " + (reason == null || reason.isBlank() ? "input/output error" : reason));
        }
        return failure.status();
    }

    /** Whether standard output is a pipe or a socket, on which a write fails only once its reader has gone away. */
    private static boolean readerGone() {
        try {
            int type = (Integer) Files.getAttribute(Path.of("/dev/stdout"), "unix:mode") & S_IFMT;
            return type == S_IFIFO || type == S_IFSOCK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** File descriptor 1, remembering the first write that failed. */
    private static final class Descriptor extends OutputStream {
        private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        private volatile IOException failure;

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
