package toy.runtime.pool;

import java.util.Map;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.ToyList;
import toy.runtime.ToyMap;
import toy.runtime.Values;

/**
 * The values that cross between processes (LANGUAGE.md section 8): int, float, bool, nil, str,
 * and lists and maps of these, nested, in a compact binary form. A value is a tag byte then its
 * body: int and float as 8 bytes (a float's raw IEEE 754 bits, so -0.0, 5e-324, nan and inf
 * come back bit for bit); str as a length then its UTF-16 units in modified UTF-8 (as
 * {@link java.io.DataOutput#writeUTF}, but with an int length), which carries every Java string
 * exactly; list and map as a count then the items, a map's entries in insertion order.
 *
 * <p>Encoding fails with {@code TypeError} naming the first value that cannot cross, before
 * anything is sent; decoding fails with {@link Malformed} on bytes that are not a value.
 */
public final class Codec {
    private static final byte NIL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte INT = 3;
    private static final byte FLOAT = 4;
    private static final byte STR = 5;
    private static final byte LIST = 6;
    private static final byte MAP = 7;
    /** Deeper nesting is refused rather than overflowing the Java stack; a list that holds itself ends here too. */
    static final int MAX_DEPTH = 500;

    private Codec() {
    }

    /** Bytes that are not an encoded value: a broken message. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        public Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Appends the encoding of value; throws TypeError (or ValueError for nesting deeper than 500) if it cannot cross. */
    public static void encode(Object value, Bytes out) {
        encode(value, out, 0);
    }

    /**
     * Appends a task's arguments: their count, then each as {@link #encode(Object, Bytes)}
     * writes it. The list around them is not a level of nesting, so that an argument may be
     * nested as deep as a result; TypeError or ValueError as there.
     */
    public static void encodeArguments(Object[] args, Bytes out) {
        out.writeInt(args.length);
        for (Object arg : args) {
            encode(arg, out, 0);
        }
    }

    /** Reads what {@link #encodeArguments} wrote. */
    public static Object[] decodeArguments(Bytes.Reader in) throws Malformed {
        Object[] args = new Object[count(in, 0)];
        for (int i = 0; i < args.length; i++) {
            args[i] = decode(in, 0);
        }
        return args;
    }

    private static void encode(Object value, Bytes out, int depth) {
        if (value instanceof Long n) {
            out.writeByte(INT);
            out.writeLong(n);
        } else if (value instanceof Double d) {
            out.writeByte(FLOAT);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value == Nil.NIL) {
            out.writeByte(NIL);
        } else if (value instanceof String s) {
            out.writeByte(STR);
            writeString(s, out);
        } else if (value instanceof ToyList list) {
            checkDepth(depth);
            Object[] items = list.toArray();
            out.writeByte(LIST);
            out.writeInt(items.length);
            for (Object item : items) {
                encode(item, out, depth + 1);
            }
        } else if (value instanceof ToyMap map) {
            checkDepth(depth);
            var entries = map.entries();
            out.writeByte(MAP);
            out.writeInt(entries.size());
            for (Map.Entry<Object, Object> e : entries) {
                encode(e.getKey(), out, depth + 1);
                encode(e.getValue(), out, depth + 1);
            }
        } else {
            throw ToyError.typeError("cannot send a '" + Values.typeName(value) + "' to another process:"
                    + " only int, float, bool, nil, str, and lists and maps of these can be sent");
        }
    }

    private static void checkDepth(int depth) {
        if (depth >= MAX_DEPTH) {
            throw ToyError.valueError("cannot send a value nested more than " + MAX_DEPTH
                    + " levels deep to another process (does a list or map contain itself?)");
        }
    }

    /** Modified UTF-8, one unit at a time: a surrogate pair becomes two 3-byte sequences. */
    private static void writeString(String s, Bytes out) {
        int length = s.length();
        out.writeInt(length);
        out.ensure((long) length * 3);
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 1 && c < 0x80) {
                out.writeByte(c);
            } else if (c < 0x800) {
                out.writeByte(0xC0 | c >> 6);
                out.writeByte(0x80 | c & 0x3F);
            } else {
                out.writeByte(0xE0 | c >> 12);
                out.writeByte(0x80 | c >> 6 & 0x3F);
                out.writeByte(0x80 | c & 0x3F);
            }
        }
    }

    /** Decodes one value starting at the reader's position. */
    public static Object decode(Bytes.Reader in) throws Malformed {
        return decode(in, 0);
    }

    private static Object decode(Bytes.Reader in, int depth) throws Malformed {
        byte tag = in.readByte();
        switch (tag) {
            case NIL:
                return Nil.NIL;
            case FALSE:
                return Boolean.FALSE;
            case TRUE:
                return Boolean.TRUE;
            case INT:
                return in.readLong();
            case FLOAT:
                return Double.longBitsToDouble(in.readLong());
            case STR:
                return readString(in);
            case LIST: {
                int count = count(in, depth);
                ToyList list = new ToyList();
                for (int i = 0; i < count; i++) {
                    list.add(decode(in, depth + 1));
                }
                return list;
            }
            case MAP: {
                int count = count(in, depth);
                ToyMap map = new ToyMap();
                for (int i = 0; i < count; i++) {
                    Object key = decode(in, depth + 1);
                    if (key instanceof ToyList || key instanceof ToyMap) {
                        throw new Malformed("a map key that is a " + Values.typeName(key));
                    }
                    map.put(key, decode(in, depth + 1));
                }
                return map;
            }
            default:
                throw new Malformed("unknown value tag " + tag);
        }
    }

    private static int count(Bytes.Reader in, int depth) throws Malformed {
        if (depth >= MAX_DEPTH) {
            throw new Malformed("values nested more than " + MAX_DEPTH + " levels deep");
        }
        int count = in.readInt();
        // Every item takes at least one byte: a larger count is a lie, not a reason to allocate.
        if (count < 0 || count > in.remaining()) {
            throw new Malformed("a count of " + count + " items with " + in.remaining() + " bytes left");
        }
        return count;
    }

    private static String readString(Bytes.Reader in) throws Malformed {
        int length = in.readInt();
        if (length < 0 || length > in.remaining()) {
            throw new Malformed("a string of " + length + " characters with " + in.remaining() + " bytes left");
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            int b = in.readByte() & 0xFF;
            if (b < 0x80) {
                chars[i] = (char) b;
            } else if ((b & 0xE0) == 0xC0) {
                chars[i] = (char) ((b & 0x1F) << 6 | continuation(in));
            } else if ((b & 0xF0) == 0xE0) {
                chars[i] = (char) ((b & 0x0F) << 12 | continuation(in) << 6 | continuation(in));
            } else {
                throw new Malformed("byte " + b + " cannot start a character");
            }
        }
        return new String(chars);
    }

    private static int continuation(Bytes.Reader in) throws Malformed {
        int b = in.readByte() & 0xFF;
        if ((b & 0xC0) != 0x80) {
            throw new Malformed("byte " + b + " cannot continue a character");
        }
        return b & 0x3F;
    }
}
