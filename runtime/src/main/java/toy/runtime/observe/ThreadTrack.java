package toy.runtime.observe;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the {@link Observer} knows of one Toy thread: its lane on the timeline, its trace
 * events, its counters. The GIL and the scheduler call it on their slow paths only (a thread
 * waits, takes or drops the GIL, blocks, starts or ends); a thread that is not traced
 * ({@code --trace-threads}) writes no events but still has its timeline lane and its stats.
 */
public final class ThreadTrack {
    private final Observer observer;
    private final int lane;
    private final String name;
    /** The trace this thread's events go to, or null. */
    private final TraceWriter trace;
    private final Supplier<ThreadStats> counters;
    private final long startNs;
    private long endNs = -1;
    /** The span in progress on the timeline: its state (null: none), start and details. */
    private ThreadActivity state;
    private long since;
    private String on;
    private String line;
    /**
     * When the thread gave the GIL up while its span was "running", or -1: that span ends then,
     * not at its next change of state, which can come much later if the operating system
     * preempts the thread in between, and would draw it running while another holds the GIL.
     */
    private long releasedNs = -1;

    ThreadTrack(Observer observer, int lane, String name, TraceWriter trace, Supplier<ThreadStats> counters) {
        this.observer = observer;
        this.lane = lane;
        this.name = name;
        this.trace = trace;
        this.counters = counters;
        this.startNs = observer.now();
        if (trace != null) {
            trace.event(name, "thread_start");
        }
    }

    public String name() {
        return name;
    }

    /** The trace this thread's instructions go to, or null when it is not traced. */
    public TraceWriter trace() {
        return trace;
    }

    /** True when the run draws a timeline, which wants every state change ({@link #enter}). */
    public boolean onTimeline() {
        return observer.timeline() != null;
    }

    /** It starts waiting for the GIL. */
    public void gilWait() {
        event("gil_wait");
    }

    /** It took the GIL after waiting {@code waitedNs} nanoseconds (0 when it was free). */
    public void gilAcquire(long waitedNs) {
        event("gil_acquire", "waited_ns", waitedNs);
    }

    public void gilDrop(DropReason reason) {
        event("gil_drop", "reason", reason.key());
    }

    /**
     * It blocks.
     *
     * @param what what for, as the deadlock report says it: "acquire Lock (race.toy:3)"
     * @param site the file:line that created the primitive, or null (join, sleep)
     * @param at   where the thread is: "race.toy:12"
     */
    public void block(String what, String site, String at) {
        event("block", "on", what, "site", site, "line", at);
    }

    /**
     * Its wait ended (it then waits for the GIL). A wait given up (its timeout ran out, or
     * Ctrl-C) ends its span on the timeline marked as ended by the reason.
     */
    public void unblock(UnblockReason reason) {
        event("unblock", "reason", reason.key());
        if (reason != UnblockReason.READY && observer.timeline() != null) {
            end(null, null, null, reason.key());
        }
    }

    /**
     * The run was aborted while the thread waited (blocked or sleeping): the wait ends without
     * what it waited for, and the thread ends next. Written instead of {@link #unblock}; on the
     * timeline its span ends now (or, if the abort came before its wait began, when it gave the
     * GIL up), marked as ended by {@code reason}, under a marker named {@code reason} there.
     *
     * @param reason what aborted the run, as {@code Aborted.Cause} names it: "deadlock", "exit", ...
     * @param report the abort's report (a DeadlockError's), the marker's detail; "" for none
     */
    public void aborted(String reason, String report) {
        event("aborted", "reason", reason);
        if (observer.timeline() != null) {
            long at = end(null, null, null, reason);
            observer.marker(lane, at, reason,
                    report.isEmpty() ? "the run was aborted (" + reason + ") while " + name + " waited" : report.strip());
        }
    }

    /**
     * It gives the GIL up, now: its span "running" ends now, whenever its next state begins (a
     * new span "running" too, if another thread held the GIL in between: {@link #gilRetaken}).
     */
    public void gilReleased() {
        if (observer.timeline() != null) {
            synchronized (this) {
                if (state == ThreadActivity.RUNNING) {
                    releasedNs = observer.now();
                }
            }
        }
    }

    /** It took the GIL back with no other thread holding it since it gave it up: its span "running" goes on. */
    public void gilRetaken() {
        if (observer.timeline() != null) {
            synchronized (this) {
                releasedNs = -1;
            }
        }
    }

    /** It ended: the last event of its trace, and the end of its lane's last span. */
    public void ended() {
        event("thread_end");
        synchronized (this) {
            endNs = observer.now();
        }
        enter(null, null, null);
    }

    /**
     * Its state changes: the span in progress ends now (a span "running" when the thread gave
     * the GIL up: {@link #gilReleased}) and, unless {@code next} is null, a new one begins. A
     * change to the state it is already in changes nothing, unless what it waits for reads
     * otherwise now (a Lock's waiter names the Lock's new holder).
     *
     * @param what what a blocked thread waits for, or null
     * @param at   the line it is at, or null
     */
    public void enter(ThreadActivity next, String what, String at) {
        if (observer.timeline() != null) {
            end(next, what, at, null);
        }
    }

    /**
     * {@link #enter}, the span in progress ending for {@code endedBy} (null: as usual). Returns
     * when the new state began (now, or when the thread gave the GIL up; since, when it is the
     * state the thread was in).
     */
    private long end(ThreadActivity next, String what, String at, String endedBy) {
        synchronized (this) {
            if (next == state && next != null && Objects.equals(what, on) && releasedNs < 0) {
                return since;
            }
            long now = observer.now();
            // A span "running" ends when the thread gave the GIL up (gilReleased), and what it
            // does next began then; if that is running again, it waited for the GIL in between.
            long ended = releasedNs >= 0 ? releasedNs : now;
            releasedNs = -1;
            if (state != null) {
                observer.span(lane, state, since, ended, on, line, endedBy);
            }
            if (state == ThreadActivity.RUNNING && next == ThreadActivity.RUNNING && ended < now) {
                observer.span(lane, ThreadActivity.WAITING_FOR_GIL, ended, now, null, line, null);
                ended = now;
            }
            state = next;
            since = ended;
            on = what;
            line = at;
            return ended;
        }
    }

    /** The counters now, with the time it has lived so far if it still runs. */
    synchronized ThreadStats stats() {
        ThreadStats s = counters.get();
        long lifetime = (endNs >= 0 ? endNs : observer.now()) - startNs;
        return new ThreadStats(name, s.instructions(), s.acquisitions(), s.waits(), s.waitNs(), s.waitMaxNs(), s.holdNs(),
                s.dropsInterval(), s.dropsBlocking(), lifetime);
    }

    private void event(String event, Object... fields) {
        if (trace != null) {
            trace.event(name, event, fields);
        }
    }
}
