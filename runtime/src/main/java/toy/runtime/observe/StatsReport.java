package toy.runtime.observe;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * The statistics of a run ({@code --stats}, {@code --stats-json}): per thread its GIL counters,
 * in all the wall time, the GIL's handovers and the share of thread time spent waiting for it,
 * per blocking primitive its contention, per pool worker (by pool and index) its work, and
 * the deadlock that ended the run, if one did. Counts are exact (counted on the slow paths,
 * never sampled); times are monotonic nanoseconds.
 *
 * @param wallNs    from the start of the run to the report
 * @param handovers how often the GIL went to a different thread than the one that held it last
 * @param deadlock  the threads of the deadlock that ended the run, or null when none did
 */
public record StatsReport(long wallNs, long handovers, List<ThreadStats> threads, List<ContentionStats> locks,
        List<WorkerStats> workers, List<BlockedThread> deadlock) {

    /** Time threads spent waiting for the GIL over the time they lived, summed over all threads; 0 to 1. */
    public double gilWaitShare() {
        long waited = 0;
        long lived = 0;
        for (ThreadStats t : threads) {
            waited += t.waitNs();
            lived += t.lifetimeNs();
        }
        return lived == 0 ? 0 : Math.min(1, (double) waited / lived);
    }

    /**
     * The report as tables for people, times in milliseconds; a row is one line, whatever the
     * names (their control characters escaped: {@link ControlCharacters}).
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        double seconds = wallNs / 1e9;
        out.append(String.format(Locale.ROOT, "GIL: %d handover%s in %.3f s (%.0f per second); threads spent %.1f%% of their time waiting for it%n",
                handovers, handovers == 1 ? "" : "s", seconds, seconds > 0 ? handovers / seconds : 0.0, 100 * gilWaitShare()));
        if (deadlock != null) {
            out.append("Deadlock: the run ended in a DeadlockError; blocked for ever: ")
                    .append(String.join(", ", deadlock.stream().map(b -> ControlCharacters.escaped(b.thread())).toList())).append('\n');
        }
        int nameWidth = width(14, threads.stream().map(ThreadStats::name).toList());
        out.append(String.format(Locale.ROOT, "%n%-" + nameWidth + "s %13s %9s %9s %12s %11s %12s %10s %10s%n", "thread", "instructions",
                "acquired", "waited", "wait ms", "max wait ms", "hold ms", "drops:int", "drops:blk"));
        for (ThreadStats t : threads) {
            out.append(String.format(Locale.ROOT, "%-" + nameWidth + "s %13d %9d %9d %12.3f %11.3f %12.3f %10d %10d%n", ControlCharacters.escaped(t.name()),
                    t.instructions(), t.acquisitions(), t.waits(), ms(t.waitNs()), ms(t.waitMaxNs()), ms(t.holdNs()),
                    t.dropsInterval(), t.dropsBlocking()));
        }
        if (!locks.isEmpty()) {
            int siteWidth = width(20, locks.stream().map(ContentionStats::site).toList());
            out.append(String.format(Locale.ROOT, "%n%-10s %-12s %-" + siteWidth + "s %12s %10s %12s %11s %8s%n", "primitive", "name",
                    "created at", "acquired", "contended", "wait ms", "max wait ms", "gave up"));
            for (ContentionStats l : locks) {
                out.append(String.format(Locale.ROOT, "%-10s %-12s %-" + siteWidth + "s %12d %10d %12.3f %11.3f %8d%n", l.kind(),
                        l.name() == null ? "-" : ControlCharacters.escaped(l.name()), ControlCharacters.escaped(l.site()), l.acquisitions(), l.contended(), ms(l.waitNs()),
                        ms(l.waitMaxNs()), l.gaveUp()));
            }
        }
        if (!workers.isEmpty()) {
            // A pool column only when there are several pools: with one, the table reads as it always did.
            boolean severalPools = WorkerStats.severalPools(workers);
            out.append(String.format(Locale.ROOT, "%n%s%-8s %8s %12s %14s %14s %16s %9s %13s %9s%n", severalPools ? "pool  " : "", "worker",
                    "tasks", "busy ms", "bytes sent", "bytes received", "round trip ms", "recalled", "recall:begun", "replaced"));
            for (WorkerStats w : workers) {
                out.append(String.format(Locale.ROOT, "%s%-8d %8d %12.3f %14d %14d %16.3f %9d %13d %9d%n",
                        severalPools ? String.format(Locale.ROOT, "%-5d ", w.pool()) : "", w.index(), w.tasks(), ms(w.busyNs()),
                        w.bytesSent(), w.bytesReceived(), ms(w.roundTripNs()), w.recalled(), w.recallsBegun(), w.replacements()));
            }
        }
        return out.toString();
    }

    /** The report as one JSON object, CLI.md's {@code --stats-json} schema, followed by a newline. */
    public void writeJson(OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("wall_ns", wallNs);
            json.writeNumberField("handovers", handovers);
            json.writeNumberField("gil_wait_share", gilWaitShare());
            json.writeArrayFieldStart("threads");
            for (ThreadStats t : threads) {
                json.writeStartObject();
                json.writeStringField("name", t.name());
                json.writeNumberField("instructions", t.instructions());
                json.writeNumberField("gil_acquisitions", t.acquisitions());
                json.writeNumberField("gil_waits", t.waits());
                json.writeNumberField("gil_wait_ns", t.waitNs());
                json.writeNumberField("gil_wait_max_ns", t.waitMaxNs());
                json.writeNumberField("gil_hold_ns", t.holdNs());
                json.writeNumberField("drops_interval", t.dropsInterval());
                json.writeNumberField("drops_blocking", t.dropsBlocking());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("locks");
            for (ContentionStats l : locks) {
                json.writeStartObject();
                json.writeStringField("kind", l.kind());
                json.writeStringField("name", l.name());
                json.writeStringField("site", l.site());
                json.writeNumberField("acquisitions", l.acquisitions());
                json.writeNumberField("contended", l.contended());
                json.writeNumberField("wait_ns", l.waitNs());
                json.writeNumberField("wait_max_ns", l.waitMaxNs());
                json.writeNumberField("gave_up", l.gaveUp());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("workers");
            for (WorkerStats w : workers) {
                json.writeStartObject();
                json.writeNumberField("pool", w.pool());
                json.writeNumberField("index", w.index());
                json.writeNumberField("tasks", w.tasks());
                json.writeNumberField("busy_ns", w.busyNs());
                json.writeNumberField("bytes_sent", w.bytesSent());
                json.writeNumberField("bytes_received", w.bytesReceived());
                json.writeNumberField("round_trip_ns", w.roundTripNs());
                json.writeNumberField("recalled", w.recalled());
                json.writeNumberField("recalls_begun", w.recallsBegun());
                json.writeNumberField("replacements", w.replacements());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (deadlock == null) {
                json.writeNullField("deadlock");
            } else {
                json.writeFieldName("deadlock");
                BlockedThread.writeJson(json, deadlock);
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    /** A column's width: the longest value as the table shows it (escaped), at least {@code least} characters. */
    private static int width(int least, java.util.List<String> values) {
        return Math.max(least, values.stream().mapToInt(v -> ControlCharacters.escaped(v).length()).max().orElse(0));
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }
}
