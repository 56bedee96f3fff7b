package toy.runtime.threads;

import java.util.function.Supplier;
import toy.runtime.TracebackEntry;

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
    /** What a BLOCKED thread waits for, e.g. "acquire Lock (race.toy:3)", and where it asked. */
    private volatile String blockedOn;
    private volatile TracebackEntry blockedAt;
    /** Blocked in {@link Scheduler#awaitOutside}: something outside the program will wake it. */
    volatile boolean wokenFromOutside;
    private volatile long stateSince = System.nanoTime();
    /** The Thread value scripts see; set when it is made. */
    ToyThread thread;

    // Counters, written by the thread itself while it holds the GIL's internal lock.
    long acquisitions;
    long contendedAcquisitions;
    long waitNanos;
    long longestWaitNanos;
    long holdNanos;
    long dropsAtInterval;
    long dropsForBlocking;

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
        this.stateSince = System.nanoTime();
    }

    long stateSince() {
        return stateSince;
    }

    void blockOn(String what) {
        blockedOn = what;
        blockedAt = location.get();
        setState(State.BLOCKED);
    }

    String blockedOn() {
        return blockedOn;
    }

    /** The line the thread was at when it blocked, e.g. "line 12". */
    String blockedLine() {
        TracebackEntry at = blockedAt;
        return at == null ? "" : at.file() + ":" + at.line();
    }

    /** Where the thread is now (its innermost Toy frame). */
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
