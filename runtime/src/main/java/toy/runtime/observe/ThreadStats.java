package toy.runtime.observe;

/**
 * One thread's GIL counters at the end of a run (or when the report was made), as the
 * {@code threads} entries of {@code --stats-json}. Times are in nanoseconds.
 *
 * @param instructions     bytecode instructions executed
 * @param acquisitions     times it took the GIL
 * @param waits            acquisitions that had to wait because another thread held it
 * @param waitNs           total time spent waiting for the GIL
 * @param waitMaxNs        the longest single wait
 * @param holdNs           total time it held the GIL
 * @param dropsInterval    drops at the end of a switch interval (or on another thread's request)
 * @param dropsBlocking    drops because it was about to block
 * @param lifetimeNs       from its start to its end (or to the report), for the share of time waiting
 */
public record ThreadStats(String name, long instructions, long acquisitions, long waits, long waitNs, long waitMaxNs,
        long holdNs, long dropsInterval, long dropsBlocking, long lifetimeNs) {
}
