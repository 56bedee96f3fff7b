package toy.runtime.observe;

/** What a thread does during one span of a timeline; the colours and words of the HTML page follow this order. */
public enum ThreadActivity {
    /** Holding the GIL and executing bytecode. */
    RUNNING("running"),
    /** Executing bytecode under {@code --gil off}, where there is no GIL to hold. */
    RUNNING_NO_GIL("running (no GIL)"),
    /** Ready to run, waiting to take the GIL. */
    WAITING_FOR_GIL("waiting for the GIL"),
    /** Waiting, GIL released, for a Lock, Semaphore, Queue or another thread's end. */
    BLOCKED("blocked"),
    /** In {@code sleep()}, GIL released. */
    SLEEPING("sleeping");

    private final String label;

    ThreadActivity(String label) {
        this.label = label;
    }

    /** The words a person reads: "waiting for the GIL". */
    public String label() {
        return label;
    }
}
