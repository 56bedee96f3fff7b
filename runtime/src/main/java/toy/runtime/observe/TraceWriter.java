package toy.runtime.observe;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The instruction trace ({@code --trace}): one record per executed instruction and per GIL or
 * thread event, in one global order, streamed through a buffer to a file or stderr. Every
 * thread writes through this one object: a record is numbered ({@code seq}, rising by one per
 * record over the whole file), stamped ({@code t_ns}, monotonic nanoseconds since the run
 * started) and written whole under its lock, so records of parallel threads ({@code --gil
 * off}) never mix and their order is the order they were written. The subclasses choose the
 * format ({@link TextTraceWriter}, {@link JsonlTraceWriter}).
 *
 * <p>{@code --trace-limit N} stops the trace, events included, after N instruction records;
 * the run goes on. A write that fails stops the trace too; {@link #close} reports it.
 */
public abstract class TraceWriter {
    /** The longest repr of a stack top a record shows, in characters. */
    public static final int STACK_REPR_CHARS = 60;

    private final String path;
    private long originNs = System.nanoTime();
    private final long limit;
    private long seq;
    private long instructions;
    private volatile boolean stopped;
    private IOException failure;

    /**
     * @param path  the file's name for reports ("-" for stderr)
     * @param limit instruction records to write before stopping; {@link Long#MAX_VALUE} for all
     */
    protected TraceWriter(String path, long limit) {
        this.path = path;
        this.limit = limit;
    }

    /**
     * Makes the writer for {@code --trace-format} {@code format} ("text" or "jsonl") on {@code out},
     * which {@link #close} closes (for stderr, {@link OutputFile#open}'s stream that only flushes).
     */
    public static TraceWriter create(String format, OutputStream out, String path, long limit) throws IOException {
        return switch (format) {
            case "text" -> new TextTraceWriter(out, path, limit);
            case "jsonl" -> new JsonlTraceWriter(out, path, limit);
            default -> throw new IllegalArgumentException("trace format " + format);
        };
    }

    /** Sets the {@link System#nanoTime} that {@code t_ns} counts from: the run's start. */
    synchronized void start(long originNs) {
        this.originNs = originNs;
    }

    /** False once the limit is reached or a write failed: callers may stop preparing records. */
    public boolean active() {
        return !stopped;
    }

    /**
     * Writes an instruction record.
     *
     * @param fn    the function's name ("&lt;script&gt;" for top-level code)
     * @param pc    the instruction's offset in its function
     * @param line  its source line
     * @param op    the opcode's name, "LOAD_GLOBAL"
     * @param arg   the operands as {@code toy dis} prints them, meaning included: "0 (counter)"; "" for none
     * @param stack the repr of the top of the operand stack before the instruction, or null when it is empty
     */
    public final synchronized void instruction(String thread, String fn, int pc, int line, String op, String arg, String stack) {
        if (stopped) {
            return;
        }
        try {
            writeInstruction(seq++, System.nanoTime() - originNs, thread, fn, pc, line, op, arg, stack);
        } catch (IOException e) {
            fail(e);
        }
        if (++instructions >= limit) {
            stopped = true;
        }
    }

    /**
     * Writes an event record: {@code gil_wait}, {@code gil_acquire}, {@code gil_drop},
     * {@code block}, {@code unblock}, {@code aborted}, {@code thread_start}, {@code thread_end}.
     *
     * @param fields the event's own fields as name, value pairs; a value is a String, a Long or null
     */
    public final synchronized void event(String thread, String event, Object... fields) {
        if (stopped) {
            return;
        }
        try {
            writeEvent(seq++, System.nanoTime() - originNs, thread, event, fields);
        } catch (IOException e) {
            fail(e);
        }
    }

    /**
     * Writes a {@code deadlock} record: {@code thread} found every live thread blocked, as
     * {@code blocked} lists them (all of them, in the order they were made).
     */
    public final synchronized void deadlock(String thread, List<BlockedThread> blocked) {
        if (stopped) {
            return;
        }
        try {
            writeDeadlock(seq++, System.nanoTime() - originNs, thread, blocked);
        } catch (IOException e) {
            fail(e);
        }
    }

    /**
     * Writes what is buffered so far, so that a report the run prints next on the same stream
     * (stderr, {@code --trace -}) comes after the records before it; a failed write stops the trace.
     */
    public final synchronized void flush() {
        if (stopped) {
            return;
        }
        try {
            flushOutput();
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Writes what is buffered and closes the file; returns the report of a failed write, or null. */
    public final synchronized String close() {
        try {
            finish();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        stopped = true;
        return failure == null ? null : OutputFile.writeFailure("trace", path, failure);
    }

    private void fail(IOException e) {
        failure = e;
        stopped = true;
    }

    protected abstract void writeInstruction(long seq, long tNs, String thread, String fn, int pc, int line, String op,
            String arg, String stack) throws IOException;

    protected abstract void writeEvent(long seq, long tNs, String thread, String event, Object[] fields) throws IOException;

    protected abstract void writeDeadlock(long seq, long tNs, String thread, List<BlockedThread> blocked) throws IOException;

    /** Writes what is buffered to the output, which stays open. */
    protected abstract void flushOutput() throws IOException;

    /** Flushes everything and closes the output. */
    protected abstract void finish() throws IOException;
}
