package toy.runtime;

/**
 * Heap kept back so that a program that ran out of memory can still report it. When the JVM
 * throws {@link OutOfMemoryError} the heap may be full to the last byte (a list grown one item
 * at a time), and making the MemoryError, unwinding, and printing the traceback all allocate;
 * freeing this reserve first makes room for them. A run takes it when it starts and frees it
 * at its first MemoryError: a script that catches MemoryError and fills the heap once more
 * gets its next MemoryError without that headroom.
 */
public final class MemoryReserve {
    /**
     * 2 MiB: several times what a MemoryError needs with the traceback of a recursion at the
     * default limit (1,000 frames, about 0.3 MB with its printed text). A traceback's entries
     * grow with {@code --recursion-limit}; one 40,000 frames deep was still reported. It was 8 MiB, whose
     * first touch (the JVM zeroes a new array) took about 5 ms of every start, a twentieth of
     * hello world's (docs/speed.md, "Start-up").
     */
    private static final int SIZE = 2 << 20;
    private static volatile byte[] reserve;

    private MemoryReserve() {
    }

    /** Sets the reserve aside, if it is not already; called when a run starts. */
    public static void take() {
        if (reserve == null) {
            reserve = new byte[SIZE];
        }
    }

    /** Frees the reserve and returns the error to raise for an exhausted heap (no message, as Python's). */
    public static ToyError memoryError() {
        reserve = null;
        return new ToyError("MemoryError", "");
    }
}
