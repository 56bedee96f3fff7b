package toy.runtime.observe;

import java.util.Locale;

/** Why a thread dropped the GIL, as the {@code reason} of a {@code gil_drop} trace record. */
public enum DropReason {
    /** Its switch interval (counted in instructions) ran out while another thread waited. */
    INTERVAL,
    /** A thread that waited a whole switch interval (a duration) asked it to drop. */
    REQUEST,
    /** It is about to block (sleep, join, Lock, Semaphore, Queue). */
    BLOCKING,
    /** It ended. */
    THREAD_END;

    /** The name in trace records: "interval", "request", "blocking", "thread_end". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
