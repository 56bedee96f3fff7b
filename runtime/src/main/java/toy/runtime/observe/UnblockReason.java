package toy.runtime.observe;

import java.util.Locale;

/**
 * Why a thread's wait ended, as the {@code reason} of an {@code unblock} trace record. (A wait
 * that an abort of the run ended is an {@code aborted} record instead.)
 */
public enum UnblockReason {
    /** What it waited for happened; for a sleep, its time is over. */
    READY,
    /** Its timeout ran out first: it gave up. */
    TIMEOUT,
    /** Ctrl-C ended it: it gave up. */
    INTERRUPT;

    /** The name in trace records and the timeline's {@code ended_by}: "ready", "timeout", "interrupt". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
