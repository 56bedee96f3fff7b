package toy.runtime.observe;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one run observes of itself, for {@code --trace}, {@code --stats}, {@code --stats-json}
 * and {@code --timeline}: the writers that are on, a {@link ThreadTrack} per thread, the
 * counters of every Lock, Semaphore and Queue, and the pool workers' records. It exists only
 * when one of those options is given; everything reaches it on slow paths. Times are
 * nanoseconds since {@link #start}.
 *
 * <p>Configure it (the {@code trace}, {@code timeline} and {@code stats} methods), call
 * {@link #start} as the script starts and {@link #finish} once after it ended.
 */
public final class Observer {
    private volatile long originNs = System.nanoTime();
    private TraceWriter trace;
    private Set<String> traceThreads = Set.of();
    private Timeline timeline;
    private String timelinePath;
    private volatile IOException timelineFailure;
    /** Set by {@link #finish}: threads still running after it (an exit(), a deadlock) add nothing to the files. */
    private volatile boolean finished;
    /** {@link #finish} has begun; it has returned ({@code closed}). Under this object's lock. */
    private boolean closing;
    private boolean closed;
    private boolean statsText;
    private OutputStream statsJson;
    private String statsJsonPath;
    private final List<ThreadTrack> tracks = new ArrayList<>();
    private final List<ContentionStats> primitives = new ArrayList<>();
    private final List<WorkerStats> workers = new ArrayList<>();
    /** The threads of the deadlock that ended the run, or null. */
    private List<BlockedThread> deadlock;
    /** The timeline lane of each pool worker. */
    private final Map<WorkerId, Integer> workerLanes = new HashMap<>();
    private int lanes;

    /** Nanoseconds since {@link #start} (the {@code t_ns} of trace records). */
    public long now() {
        return System.nanoTime() - originNs;
    }

    /** The run starts now: every time of the trace, timeline and stats counts from here. */
    public void start() {
        originNs = System.nanoTime();
        if (trace != null) {
            trace.start(originNs);
        }
    }

    /** Traces the threads named in {@code threads} (all when it is empty) to {@code writer}. */
    public void trace(TraceWriter writer, Set<String> threads) {
        this.trace = writer;
        this.traceThreads = Set.copyOf(threads);
    }

    /** Writes the trace's records so far ({@link TraceWriter#flush}), before a report on the stream it may share. */
    public void flushTrace() {
        TraceWriter writer = trace;
        if (writer != null) {
            writer.flush();
        }
    }

    /** Draws the timeline with {@code writer}; {@code path} names the file in reports. */
    public void timeline(Timeline writer, String path) {
        this.timeline = writer;
        this.timelinePath = path;
    }

    /** Reports the statistics at the end: as a table on stderr ({@code text}), and/or as JSON to {@code json} (null: none). */
    public void stats(boolean text, OutputStream json, String jsonPath) {
        this.statsText = text;
        this.statsJson = json;
        this.statsJsonPath = jsonPath;
    }

    /** A new thread's track (its {@code thread_start} record is written now); {@code counters} reads its GIL counters. */
    public synchronized ThreadTrack track(String name, Supplier<ThreadStats> counters) {
        boolean traced = trace != null && (traceThreads.isEmpty() || traceThreads.contains(name));
        int lane = lanes++;
        laneNamed(lane, name);
        ThreadTrack track = new ThreadTrack(this, lane, name, traced ? trace : null, counters);
        tracks.add(track);
        return track;
    }

    /** Counters for a new primitive, listed in the report. */
    public synchronized ContentionStats contention(String kind, String name, String site) {
        ContentionStats stats = new ContentionStats(kind, name, site);
        primitives.add(stats);
        return stats;
    }

    /**
     * Every pool worker of the run, in the order of their pools and their indexes: their counters
     * for the {@code workers} of the report, and on the timeline a lane each, named by
     * {@link WorkerStats#laneName} (a worker that ran no task has an empty lane). Once, before
     * {@link #workerTask}.
     */
    public synchronized void workers(List<WorkerStats> all) {
        workers.addAll(all);
        boolean severalPools = WorkerStats.severalPools(all);
        for (WorkerStats w : all) {
            int lane = lanes++;
            laneNamed(lane, w.laneName(severalPools));
            workerLanes.put(new WorkerId(w.pool(), w.index()), lane);
        }
    }

    /**
     * A task that worker {@code index} of pool {@code pool} ran, on that worker's lane.
     *
     * @throws IllegalArgumentException when {@link #workers} did not list that worker
     */
    public void workerTask(int pool, int index, long startNs, long endNs, String label) {
        if (timeline == null) {
            return;
        }
        Integer lane;
        synchronized (this) {
            lane = workerLanes.get(new WorkerId(pool, index));
        }
        if (lane == null) {
            throw new IllegalArgumentException("no worker " + index + " in pool " + pool);
        }
        try {
            timeline.task(lane, pool, index, startNs, endNs, label);
        } catch (IOException e) {
            timelineFailed(e);
        }
    }

    /** The timeline while it takes spans: not after a failed write, nor once the run is finished. */
    Timeline timeline() {
        return timelineFailure == null && !finished ? timeline : null;
    }

    void span(int lane, ThreadActivity state, long startNs, long endNs, String on, String line, String endedBy) {
        try {
            timeline.span(lane, state, startNs, endNs, on, line, endedBy);
        } catch (IOException e) {
            timelineFailed(e);
        }
    }

    /** A marker on a lane of the timeline, which is on ({@link #timeline()}). */
    void marker(int lane, long atNs, String name, String detail) {
        try {
            timeline.marker(lane, atNs, name, detail);
        } catch (IOException e) {
            timelineFailed(e);
        }
    }

    /**
     * Every live thread is blocked and none can wake the others: the run ends in a
     * DeadlockError. Writes the trace's {@code deadlock} record (whatever {@code --trace-threads}
     * says: it concerns every thread) and keeps {@code blocked} for the stats. (The abort that
     * follows ends each thread's wait: {@link ThreadTrack#aborted}.)
     *
     * @param finder  the thread that found it, the last to block
     * @param blocked every live thread, in the order they were made
     */
    public void deadlock(String finder, List<BlockedThread> blocked) {
        synchronized (this) {
            deadlock = List.copyOf(blocked);
        }
        if (trace != null) {
            trace.deadlock(finder, blocked);
        }
    }

    private void laneNamed(int lane, String name) {
        if (timeline() == null) {
            return;
        }
        try {
            timeline.lane(lane, name);
        } catch (IOException e) {
            timelineFailed(e);
        }
    }

    /** Stops the timeline; the first failure is the one reported. Not synchronized: tracks call it holding their own lock. */
    private void timelineFailed(IOException e) {
        if (timelineFailure == null) {
            timelineFailure = e;
        }
    }

    /**
     * A warning when {@code --trace-threads} named threads that never ran (a typo's trace holds
     * no thread at all), naming the threads that did; else null.
     */
    private String unseenTraceThreads(List<ThreadTrack> all) {
        Set<String> ran = new LinkedHashSet<>();
        all.forEach(t -> ran.add(t.name()));
        List<String> unseen = traceThreads.stream().filter(name -> !ran.contains(name)).sorted().toList();
        if (unseen.isEmpty()) {
            return null;
        }
        return "toy: --trace-threads: no thread named '" + String.join("' or '", unseen) + "' ran (the threads were "
                + String.join(", ", ran) + ")";
    }

    /**
     * Ends the observation, once: closes the spans still open, completes and closes every
     * file, and prints the stats table on {@code err} if asked (and a warning there when
     * {@code --trace-threads} named a thread that never ran). Threads that still run (after an
     * {@code exit()} or a deadlock) are reported as they are now. A later call (Ctrl-C or
     * SIGTERM at the run's end, after which the process ends at once) waits until the first
     * has returned, then returns an empty list.
     *
     * @param handovers how often the GIL went to another thread during the run
     * @return the one-line report of each file that could not be written, empty when all went well
     */
    public List<String> finish(long handovers, PrintStream err) {
        synchronized (this) {
            // Once: at the end of the run, or at Ctrl-C or SIGTERM, whichever comes first.
            if (closing) {
                awaitClosed();
                return List.of();
            }
            closing = true;
        }
        try {
            return close(handovers, err);
        } finally {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
        }
    }

    /** Waits until the first {@link #finish} has returned, or this thread is interrupted. Under this object's lock. */
    private void awaitClosed() {
        try {
            while (!closed) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What {@link #finish} does, once. */
    private List<String> close(long handovers, PrintStream err) {
        long wall = now();
        List<ThreadTrack> all;
        StatsReport report;
        synchronized (this) {
            all = List.copyOf(tracks);
            List<ThreadStats> threads = new ArrayList<>();
            all.forEach(t -> threads.add(t.stats()));
            report = new StatsReport(wall, handovers, threads, List.copyOf(primitives), List.copyOf(workers), deadlock);
        }
        List<String> failures = new ArrayList<>();
        if (timeline != null) {
            all.forEach(t -> t.enter(null, null, null));
            finished = true;
            try {
                timeline.close();
            } catch (IOException e) {
                timelineFailed(e);
            }
            if (timelineFailure != null) {
                failures.add(OutputFile.writeFailure("timeline", timelinePath, timelineFailure));
            }
        }
        // The trace first: with --trace - its last records, still buffered, go out before the report on stderr.
        if (trace != null) {
            String failure = trace.close();
            if (failure != null) {
                failures.add(failure);
            }
            String unseen = unseenTraceThreads(all);
            if (unseen != null) {
                err.println(unseen);
                err.flush();
            }
        }
        if (statsText) {
            err.print(report.text());
            err.flush();
        }
        if (statsJson != null) {
            try (OutputStream out = statsJson) {
                report.writeJson(out);
            } catch (IOException e) {
                failures.add(OutputFile.writeFailure("stats", statsJsonPath, e));
            }
        }
        return failures;
    }

    /** A worker by its pool's number and its index in the pool. */
    private record WorkerId(int pool, int index) {
    }
}
