package toy.runtime.observe;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The states of every thread over time ({@code --timeline FILE}), streamed to the file as the
 * spans end: a lane per Toy thread or pool worker, spans of {@link ThreadActivity} on thread
 * lanes, task spans on worker lanes, and markers (a deadlock) on thread lanes. Times are nanoseconds since the run started. Calls come
 * from every thread; implementations serialize them.
 */
public interface Timeline {
    /** Declares lane {@code lane} (0, 1, ...) and its name, before its first span. */
    void lane(int lane, String name) throws IOException;

    /**
     * One span of a thread's state.
     *
     * @param on      what a blocked thread waits for ("acquire Lock (race.toy:3)"), or null
     * @param line    where the thread was when the span began ("race.toy:12"), or null when unknown
     * @param endedBy null for a span that ended as spans do; for a wait that ended without what
     *                it waited for, why: the thread gave up ("timeout", "interrupt") or an abort
     *                of the run ended it ("deadlock", "exit", ...)
     */
    void span(int lane, ThreadActivity state, long startNs, long endNs, String on, String line, String endedBy)
            throws IOException;

    /**
     * A moment on a lane, drawn over its spans: a deadlock, on the lane of each thread in it.
     *
     * @param name   what happened: "deadlock"
     * @param detail what a person reads about it, lines separated by {@code \n}
     */
    void marker(int lane, long atNs, String name, String detail) throws IOException;

    /**
     * One task that a pool worker ran, on the worker's lane; {@code label} says what it ran.
     *
     * @param pool   the worker's pool, 1 for the program's first
     * @param worker the worker's index in its pool
     */
    void task(int lane, int pool, int worker, long startNs, long endNs, String label) throws IOException;

    /** Completes the file and closes it. */
    void close() throws IOException;

    /**
     * The writer for a file name: {@code .json} is Chrome's trace event format, {@code .html} a
     * self-contained page.
     *
     * @throws IllegalArgumentException for another extension
     */
    static Timeline create(String path, OutputStream out) throws IOException {
        return switch (Format.of(path)) {
            case JSON -> new ChromeTraceTimeline(out);
            case HTML -> new HtmlTimeline(out);
        };
    }

    /** The formats, by file extension. */
    enum Format {
        JSON, HTML;

        /** The format a file name asks for, or IllegalArgumentException naming the accepted extensions. */
        public static Format of(String path) {
            String lower = path.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".json")) {
                return JSON;
            }
            if (lower.endsWith(".html")) {
                return HTML;
            }
            throw new IllegalArgumentException("'" + path + "' is neither a .json nor a .html file");
        }
    }
}
