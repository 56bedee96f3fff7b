package toy.runtime.pool;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One direction-pair of pipes between a parent and a worker process, carrying length-prefixed
 * messages: a marker byte (0xA7), a 4-byte big-endian length n (1 to {@link Bytes#MAX_LENGTH}),
 * then n bytes: a {@link Kind} byte and its body. The marker makes stray output on the channel
 * (a JVM warning printed to the worker's stdout) fail at its first byte instead of being read
 * as a length to wait for. Sending is atomic per message (threads take turns); one
 * thread receives. Counts the bytes each way for the pool's statistics.
 */
public final class Channel {
    /** What a message is. */
    public enum Kind {
        /** worker → parent: the top-level code ran; tasks may come. Empty body. */
        READY,
        /** parent → worker: task id (long), function name (str), arguments ({@link Codec#encodeArguments}). */
        TASK,
        /** worker → parent: task id (long), busy ns (long), the value. */
        RESULT,
        /** worker → parent: task id (long), busy ns (long), kind (str), message (str), traceback (str). */
        ERROR,
        /** worker → parent: the top-level code failed: kind, message, traceback (str each). */
        FAILED,
        /** worker → parent: one line of the script's stdout (str, no newline). */
        OUT,
        /** worker → parent: one line of the script's stderr (str, no newline). */
        ERR,
        /** parent → worker: task id (long) of a task sent and, if it has not begun, to be given back. */
        RECALL,
        /** worker → parent: task id (long) of a recalled task, and 1 (byte) if given back, 0 if begun already. */
        RECALLED
    }

    /** A received message; {@code size} counts its bytes with the header. */
    public record Message(Kind kind, Bytes.Reader body, int size) {
    }

    private static final int MARKER = 0xA7;

    private final InputStream in;
    private final OutputStream out;
    private final DataInputStream dataIn;
    private final byte[] header = new byte[5];
    private long bytesSent;
    private long bytesReceived;

    public Channel(InputStream in, OutputStream out) {
        this.in = in;
        this.dataIn = new DataInputStream(in);
        this.out = out;
    }

    /** Sends one message and flushes it; returns its size in bytes, header included. */
    public int send(Kind kind, Bytes body) throws IOException {
        int length = body.size() + 1;
        synchronized (out) {
            out.write(new byte[] {(byte) MARKER, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length,
                (byte) kind.ordinal()});
            out.write(body.array(), 0, body.size());
            out.flush();
            bytesSent += length + 5;
        }
        return length + 5;
    }

    /**
     * The next message, or null when the other side closed the channel between messages.
     * Throws {@link Codec.Malformed} for bytes that cannot be a message (never waits for a
     * length read from garbage to arrive), IOException for a read that failed.
     */
    public Message receive() throws IOException, Codec.Malformed {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        if (first != MARKER) {
            throw new Codec.Malformed("byte " + first + " where a message should start");
        }
        readFully(header, 0, 5);
        int length = (header[0] & 0xFF) << 24 | (header[1] & 0xFF) << 16 | (header[2] & 0xFF) << 8 | header[3] & 0xFF;
        int kind = header[4] & 0xFF;
        if (length < 1 || length > Bytes.MAX_LENGTH) {
            throw new Codec.Malformed("a message length of " + length + " bytes");
        }
        if (kind >= Kind.values().length) {
            throw new Codec.Malformed("unknown message kind " + kind);
        }
        byte[] body = new byte[length - 1];
        readFully(body, 0, body.length);
        synchronized (this) {
            bytesReceived += length + 5;
        }
        return new Message(Kind.values()[kind], new Bytes.Reader(body), length + 5);
    }

    private void readFully(byte[] buffer, int offset, int count) throws IOException, Codec.Malformed {
        try {
            dataIn.readFully(buffer, offset, count);
        } catch (EOFException e) {
            throw new Codec.Malformed("the channel closed in the middle of a message");
        }
    }

    public long bytesSent() {
        synchronized (out) {
            return bytesSent;
        }
    }

    public synchronized long bytesReceived() {
        return bytesReceived;
    }

    /** Closes the sending side: the worker sees its stdin end and exits. */
    public void closeOutput() {
        try {
            out.close();
        } catch (IOException e) {
            // Already closed by the other side's end; nothing left to tell it.
        }
    }
}
