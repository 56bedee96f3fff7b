package toy.runtime.threads;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import toy.runtime.TracebackEntry;
import toy.runtime.observe.ContentionStats;
import toy.runtime.observe.ThreadActivity;
import toy.runtime.observe.ThreadStats;
import toy.runtime.observe.ThreadTrack;

/**
 * What one Toy thread is doing, as far as the GIL and the blocking primitives know: its state,
 * what it is blocked on, and counters. Everything here changes only on slow paths (the GIL
 * changing hands, a thread blocking), never per instruction.
 */
public final class ThreadState {
    /** Where a thread is. Only {@link #BLOCKED} threads count towards a deadlock. */
    public enum State { STARTING, RUNNING, WAITING_FOR_GIL, BLOCKED, SLEEPING, FINISHED }

    private static final ThreadLocal<ThreadState> CURRENT = new ThreadLocal<>();

    final String name;
    final Gil gil;
    final Scheduler scheduler;
    private final Supplier<TracebackEntry> location;
    private volatile State state = State.STARTING;
    /**
     * What a BLOCKED thread waits for, e.g. "acquire Lock (race.toy:3), held by Thread-2", worded
     * when a report asks (a lock's holder may change while the thread waits), and where it asked.
     */
    private volatile Supplier<String> blockedOn;
    private volatile TracebackEntry blockedAt;
    /**
     * In a wait that ends by itself (a timeout) or that something outside the program's threads
     * ends (a pool worker's reply): such a thread never counts towards a deadlock.
     */
    volatile boolean wokenFromOutside;
    /**
     * In the scheduler's blocking helper, its wait neither over nor ended by an abort (which
     * then writes the thread's {@code aborted} record). Guarded by the scheduler's monitor.
     */
    boolean inWait;
    /** While {@link #inWait}: the primitive waited for (null for a join, a sleep ...) and since when, in System.nanoTime(). */
    ContentionStats waitingFor;
    long waitStartNanos;
    /** Ctrl-C asked this thread to raise KeyboardInterrupt and it has not yet looked ({@link KeyboardInterrupt}). */
    volatile boolean interruptPending;
    /** The Thread value scripts see; set when it is made. */
    ToyThread thread;
    /** Its trace events, timeline lane and stats when the run is observed (--trace, --stats, --timeline), else null. */
    ThreadTrack track;

    // Counters, written by the thread itself while it holds the GIL's internal lock.
    long acquisitions;
    long contendedAcquisitions;
    long waitNanos;
    long longestWaitNanos;
    long holdNanos;
    long dropsAtInterval;
    long dropsForBlocking;
    /** Reads the count its interpreter keeps; set when the interpreter is bound to it. */
    private volatile LongSupplier instructions = () -> 0;

    ThreadState(String name, Gil gil, Scheduler scheduler, Supplier<TracebackEntry> location) {
        this.name = name;
        this.gil = gil;
        this.scheduler = scheduler;
        this.location = location;
    }

    /** The Toy thread running on the calling JVM thread. */
    public static ThreadState current() {
        return CURRENT.get();
    }

    /** Makes this the state {@link #current()} answers on the calling JVM thread. */
    public void bindToCurrentThread() {
        CURRENT.set(this);
    }

    public ToyThread thread() {
        return thread;
    }

    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    void setState(State state) {
        this.state = state;
        if (track != null && track.onTimeline()) {
            track.enter(activity(state), state == State.BLOCKED ? blockedOn() : null,
                    state == State.BLOCKED ? blockedLine() : lineHere());
        }
    }

    /** The timeline's name for a state; null for the states before the start and after the end. */
    private ThreadActivity activity(State s) {
        return switch (s) {
            case RUNNING -> gil.policy() == Gil.Policy.OFF ? ThreadActivity.RUNNING_NO_GIL : ThreadActivity.RUNNING;
            // With no GIL, a woken waiter is still finishing its wait (taking the scheduler's
            // monitor back), not waiting for a GIL: the timeline must not show a GIL that is not there.
            case WAITING_FOR_GIL -> gil.policy() == Gil.Policy.OFF ? ThreadActivity.BLOCKED : ThreadActivity.WAITING_FOR_GIL;
            case BLOCKED -> ThreadActivity.BLOCKED;
            case SLEEPING -> ThreadActivity.SLEEPING;
            case STARTING, FINISHED -> null;
        };
    }

    /** "race.toy:12" when called on this thread itself (only it may look at its own frames), else null. */
    String lineHere() {
        if (current() != this) {
            return null;
        }
        TracebackEntry at = location.get();
        return at.line() > 0 ? at.file() + ":" + at.line() : null;
    }

    /** Its trace events, timeline lane and stats, or null when the run is not observed. */
    public ThreadTrack track() {
        return track;
    }

    /**
     * Where the stats read how many instructions the thread executed: its interpreter, which
     * keeps the count in a field of its own. A field written by two running threads side by
     * side (their ThreadStates are made one after the other, by the same thread) could share
     * a cache line and cost {@code --gil off} its parallelism.
     */
    public void countInstructionsWith(LongSupplier count) {
        instructions = count;
    }

    /** Its GIL counters so far, for the stats (its lifetime is the observer's to add). */
    ThreadStats counters() {
        return new ThreadStats(name, instructions.getAsLong(), acquisitions, contendedAcquisitions, waitNanos, longestWaitNanos,
                holdNanos, dropsAtInterval, dropsForBlocking, 0);
    }

    /**
     * A blocked thread woken to look at what it waits for again: no longer counted as blocked
     * by the deadlock detector until it has looked, but not shown as waiting for the GIL on the
     * timeline either, since it may find it must go on waiting (its span then goes on, under a
     * new label only if what it waits for reads otherwise); when it goes on, its wait's end says so.
     */
    void wake() {
        state = State.WAITING_FOR_GIL;
    }

    void blockOn(Supplier<String> what) {
        blockedOn = what;
        blockedAt = location.get();
        setState(State.BLOCKED);
    }

    String blockedOn() {
        Supplier<String> what = blockedOn;
        return what == null ? "" : what.get();
    }

    /** The line the thread was at when it blocked, e.g. "line 12". */
    String blockedLine() {
        TracebackEntry at = blockedAt;
        return at == null ? "" : at.file() + ":" + at.line();
    }

    /** Where the thread is now: its innermost Toy frame, or with none where its code starts or ended. */
    public TracebackEntry location() {
        return location.get();
    }

    public long acquisitions() {
        return acquisitions;
    }

    public long contendedAcquisitions() {
        return contendedAcquisitions;
    }

    public long dropsAtInterval() {
        return dropsAtInterval;
    }

    public long dropsForBlocking() {
        return dropsForBlocking;
    }

    public long waitNanos() {
        return waitNanos;
    }

    public long longestWaitNanos() {
        return longestWaitNanos;
    }

    public long holdNanos() {
        return holdNanos;
    }
}
