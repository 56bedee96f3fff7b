package toy.runtime.observe;

/**
 * The counters of one blocking primitive (Lock, Semaphore, Queue, ...): how often it was taken
 * and how often and how long a thread had to wait for it. A primitive owns one, made by
 * {@code Scheduler.contention}, and the scheduler's wait counts into it; a new kind of
 * primitive needs nothing more. For a Queue, an acquisition is a {@code put} or a {@code get},
 * and a contended one is a put on a full or a get from an empty queue.
 *
 * <p>Written under the scheduler's monitor; read for the report after the run.
 */
public final class ContentionStats {
    private final String kind;
    private final String name;
    private final String site;
    private long acquisitions;
    private long contended;
    private long waitNs;
    private long waitMaxNs;
    private long gaveUp;

    /**
     * @param kind the type's name, "Lock"
     * @param name the name the script gave it, or null for none
     * @param site the file:line that created it, "race.toy:3"
     */
    public ContentionStats(String kind, String name, String site) {
        this.kind = kind;
        this.name = name;
        this.site = site;
    }

    /** Counts one acquisition that waited {@code waitedNs} nanoseconds (0 and uncontended when it did not block). */
    public void acquired(boolean contendedNow, long waitedNs) {
        acquisitions++;
        if (contendedNow) {
            contended++;
            waitNs += waitedNs;
            waitMaxNs = Math.max(waitMaxNs, waitedNs);
        }
    }

    /**
     * Counts a wait that ended without the primitive after {@code waitedNs} nanoseconds: its
     * timeout ran out, or the run was aborted (a deadlock, {@code exit()}) while it waited.
     */
    public void gaveUp(long waitedNs) {
        gaveUp++;
        waitNs += waitedNs;
        waitMaxNs = Math.max(waitMaxNs, waitedNs);
    }

    public String kind() {
        return kind;
    }

    /** The script's name for it, or null. */
    public String name() {
        return name;
    }

    public String site() {
        return site;
    }

    public long acquisitions() {
        return acquisitions;
    }

    public long contended() {
        return contended;
    }

    /** Waits that ended without it ({@link #gaveUp}). */
    public long gaveUp() {
        return gaveUp;
    }

    /** Total time threads waited for it, in nanoseconds, waits that ended without it included. */
    public long waitNs() {
        return waitNs;
    }

    /** The longest single wait, in nanoseconds. */
    public long waitMaxNs() {
        return waitMaxNs;
    }
}
