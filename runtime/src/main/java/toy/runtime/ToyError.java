package toy.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A Toy error: both the Java exception that unwinds the VM and the {@code Error} value a
 * {@code catch} block receives. It carries no Java stack trace (the VM never shows one); the
 * Toy traceback is collected frame by frame as the error unwinds.
 */
public final class ToyError extends RuntimeException implements ToyObject, Members {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String errorMessage;
    /**
     * Lines kept at each end of a traceback: a recursion through several functions a hundred
     * million frames deep (under a high {@code --recursion-limit}) would otherwise need a line
     * per frame while its MemoryError unwinds, in a heap it has just filled. CPython keeps every
     * frame; its recursion limit keeps tracebacks short.
     */
    static final int KEPT_AT_EACH_END = 1000;

    /**
     * The innermost lines, innermost first (the order in which the VM adds them while
     * unwinding), each with the number of frames in a row that failed at it, so that a
     * recursion of one function takes one line however deep.
     */
    private final List<Run> traceback = new ArrayList<>();
    /** Past {@link #KEPT_AT_EACH_END} lines, the outermost ones, innermost first. */
    private final ArrayDeque<Run> outermost = new ArrayDeque<>();
    /** Frames between the two whose lines are left out. */
    private long framesLeftOut;
    /** The report of the error in another process (a pool worker) that caused this one, or "". */
    private String causeReport = "";
    /** Where a handler last took this error: the line that failed in the handler's frame; null before. */
    private TracebackEntry caughtAt;
    /** Raised again by a with block's cleanup, and its frame's line not yet in the traceback. */
    private boolean fromCleanup;

    public ToyError(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.errorMessage = message;
    }

    public static ToyError typeError(String message) {
        return new ToyError("TypeError", message);
    }

    public static ToyError valueError(String message) {
        return new ToyError("ValueError", message);
    }

    public static ToyError indexError(String message) {
        return new ToyError("IndexError", message);
    }

    public static ToyError overflowError(String message) {
        return new ToyError("OverflowError", message);
    }

    public static ToyError zeroDivision(String message) {
        return new ToyError("ZeroDivisionError", message);
    }

    public String kind() {
        return kind;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** A line of the traceback and how many frames in a row it stands for (at least 1). */
    private static final class Run {
        final TracebackEntry entry;
        long frames = 1;

        Run(TracebackEntry entry) {
            this.entry = entry;
        }

        /** The line, three times at most, then "[Previous line repeated N more times]", as CPython prints a run. */
        void appendTo(StringBuilder sb) {
            for (long k = 0; k < Math.min(frames, 3); k++) {
                sb.append(entry).append('\n').append(entry.sourceLines());
            }
            if (frames > 3) {
                long more = frames - 3;
                sb.append("  [Previous line repeated ").append(more).append(more == 1 ? " more time]\n" : " more times]\n");
            }
        }
    }

    public void addTraceback(TracebackEntry entry) {
        Run last = !outermost.isEmpty() ? outermost.getLast() : traceback.isEmpty() ? null : traceback.get(traceback.size() - 1);
        if (last != null && last.entry.equals(entry)) {
            last.frames++;
        } else if (traceback.size() < KEPT_AT_EACH_END) {
            traceback.add(new Run(entry));
        } else {
            outermost.addLast(new Run(entry));
            if (outermost.size() > KEPT_AT_EACH_END) {
                framesLeftOut += outermost.removeFirst().frames;
            }
        }
    }

    /**
     * Records that a handler took this error, which failed at {@code where} in the handler's
     * frame: a frame's line does not go into the traceback while the frame handles the error.
     */
    public void caughtAt(TracebackEntry where) {
        caughtAt = where;
    }

    /**
     * Raised again by a with block's cleanup (the lock released): where it stands in the
     * cleanup's frame is where it was caught, where it came up in the block, as Python shows it.
     * Returns this error.
     */
    public ToyError raisedByCleanup() {
        fromCleanup = true;
        return this;
    }

    /**
     * The line of this error in the frame it is unwinding from now, where that frame's
     * instruction at {@code failing} raised it: where it was caught if a with block's cleanup
     * raised it again, else {@code failing} (called once per frame: it takes the cleanup's mark).
     */
    public TracebackEntry locationIn(TracebackEntry failing) {
        boolean cleanup = fromCleanup;
        fromCleanup = false;
        return cleanup && caughtAt != null ? caughtAt : failing;
    }

    /**
     * Raised again by {@code raise e}: the line where it failed in the frame that caught it goes
     * into the traceback, as Python keeps it in the exception's {@code __traceback__}; the
     * {@code raise} adds its own line as the error unwinds from there.
     */
    public void raisedAgain() {
        if (caughtAt != null) {
            addTraceback(caughtAt);
            caughtAt = null;
        }
    }

    /**
     * Marks this error as raised again for one in another process whose whole report (its
     * traceback and message) is {@code report}; {@link #formatTraceback} prints that report
     * first, as Python's concurrent.futures does. Returns this error.
     */
    public ToyError causedBy(String report) {
        causeReport = report;
        return this;
    }

    /**
     * The whole report an uncaught error prints, Python's way: outermost call first, and a run
     * of more than three identical lines (deep recursion) shortened to three and a count.
     */
    public String formatTraceback() {
        StringBuilder sb = new StringBuilder();
        if (!causeReport.isEmpty()) {
            sb.append(causeReport).append("\nThe above exception was the direct cause of the following exception:\n\n");
        }
        sb.append("Traceback (most recent call last):\n");
        for (Iterator<Run> outermostFirst = outermost.descendingIterator(); outermostFirst.hasNext();) {
            outermostFirst.next().appendTo(sb);
        }
        if (framesLeftOut > 0) {
            sb.append("  [").append(framesLeftOut).append(" more frames not shown]\n");
        }
        for (int i = traceback.size() - 1; i >= 0; i--) {
            traceback.get(i).appendTo(sb);
        }
        return sb.append(str()).append('\n').toString();
    }

    @Override
    public String typeName() {
        return "Error";
    }

    /** {@code "Kind: message"}, or just the kind when the message is empty (as Python prints it). */
    @Override
    public String str() {
        return errorMessage.isEmpty() ? kind : kind + ": " + errorMessage;
    }

    /** {@code e.kind} and {@code e.message}. */
    @Override
    public Object getAttribute(String name) {
        return switch (name) {
            case "kind" -> kind;
            case "message" -> errorMessage;
            default -> null;
        };
    }

    @Override
    public Object callMethod(String name, Object[] args) {
        return null;
    }

    @Override
    public String toString() {
        return str();
    }
}
