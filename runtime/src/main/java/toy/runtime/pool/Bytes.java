package toy.runtime.pool;

import java.util.Arrays;
import toy.runtime.ToyError;
import toy.runtime.Values;

/**
 * A growable byte array written big-endian, as {@link java.io.DataOutputStream} writes, for
 * building one message before any of it is sent; and a {@link Reader} over a received one
 * whose reads past the end are {@link Codec.Malformed}, not exceptions of Java's.
 */
public final class Bytes {
    /** Messages are at most this long (1 GiB); a longer length prefix is garbage. */
    public static final int MAX_LENGTH = 1 << 30;

    private byte[] data = new byte[64];
    private int size;

    public int size() {
        return size;
    }

    byte[] array() {
        return data;
    }

    /** Makes room for {@code more} bytes; a message over {@link #MAX_LENGTH} is a ValueError. */
    void ensure(long more) {
        long needed = size + more;
        if (needed > data.length) {
            if (needed > MAX_LENGTH) {
                throw ToyError.valueError("cannot send more than " + MAX_LENGTH + " bytes in one message");
            }
            data = Arrays.copyOf(data, (int) Math.min(MAX_LENGTH, Math.max(needed, 2L * data.length)));
        }
    }

    public void writeByte(int b) {
        ensure(1);
        data[size++] = (byte) b;
    }

    public void writeInt(int v) {
        ensure(4);
        data[size++] = (byte) (v >>> 24);
        data[size++] = (byte) (v >>> 16);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
    }

    public void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    /** Writes a string as {@link Codec} does (for names and texts inside messages). */
    public void writeString(String s) {
        Codec.encode(s, this);
    }

    /** Reads a received message. */
    public static final class Reader {
        private final byte[] data;
        private int position;

        public Reader(byte[] data) {
            this.data = data;
        }

        public int remaining() {
            return data.length - position;
        }

        public byte readByte() throws Codec.Malformed {
            if (position >= data.length) {
                throw new Codec.Malformed("the message ends in the middle of a value");
            }
            return data[position++];
        }

        public int readInt() throws Codec.Malformed {
            return (readByte() & 0xFF) << 24 | (readByte() & 0xFF) << 16 | (readByte() & 0xFF) << 8 | readByte() & 0xFF;
        }

        public long readLong() throws Codec.Malformed {
            return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
        }

        /** Reads a string written by {@link Bytes#writeString}. */
        public String readString() throws Codec.Malformed {
            Object value = Codec.decode(this);
            if (value instanceof String s) {
                return s;
            }
            throw new Codec.Malformed("a " + Values.typeName(value) + " where a string was expected");
        }

        /** Throws unless the whole message was read. */
        public void end() throws Codec.Malformed {
            if (position != data.length) {
                throw new Codec.Malformed(remaining() + " bytes left over after the message");
            }
        }
    }
}
