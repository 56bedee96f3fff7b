package toy.runtime.observe;

/**
 * One process-pool worker's counters, as the {@code workers} entries of {@code --stats-json}.
 *
 * @param index          the worker's index in its pool, from 0
 * @param tasks          tasks it ran
 * @param busyNs         time it spent running tasks, in nanoseconds
 * @param bytesSent      bytes the parent sent it (tasks and their arguments)
 * @param bytesReceived  bytes it sent back (results, errors, printed lines)
 * @param roundTripNs    total time from sending a task to receiving its result, in nanoseconds
 */
public record WorkerStats(int index, long tasks, long busyNs, long bytesSent, long bytesReceived, long roundTripNs) {
}
