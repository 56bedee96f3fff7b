package toy.runtime.threads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import toy.runtime.observe.Observer;
import toy.runtime.observe.Timeline;
import toy.runtime.observe.TraceWriter;

/**
 * A scheduler and its GIL (handoff) whose threads are observed, as {@code --trace t.jsonl
 * --timeline t.json} would: the trace and the timeline kept in memory, for tests of what
 * they record.
 */
final class ObservedRun {
    private final ByteArrayOutputStream trace = new ByteArrayOutputStream();
    private final ByteArrayOutputStream timeline = new ByteArrayOutputStream();
    final Observer observer = new Observer();
    final Scheduler scheduler = new Scheduler();
    final Gil gil = new Gil(Gil.Policy.HANDOFF, scheduler);

    ObservedRun() throws IOException {
        observer.trace(TraceWriter.create("jsonl", trace, "t.jsonl", Long.MAX_VALUE), Set.of());
        observer.timeline(Timeline.create("t.json", timeline), "t.json");
        scheduler.setGil(gil);
        scheduler.observe(observer);
        observer.start();
    }

    /** The trace's records so far, one JSON object a line. */
    String trace() {
        return trace.toString(StandardCharsets.UTF_8);
    }

    /** The timeline, whole once the observer has finished. */
    String timeline() {
        return timeline.toString(StandardCharsets.UTF_8);
    }
}
