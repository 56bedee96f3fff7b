package toy.interpreter.bytecode;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import toy.interpreter.vm.Tier;
import toy.runtime.ToyList;

/**
 * The bytes of a compiled script, as {@code .pyc} files hold CPython's: the top-level
 * {@link Code} with the functions it defines, and the names of the globals its instructions
 * refer to by slot. Made and read by the bytecode cache (BytecodeCache); never a user's input.
 *
 * <p>Shape: the global names in slot order (each with whether the script declares it), then
 * the code tree depth first. A code's constants are ints (Java {@code long}), floats, strings,
 * keyword-name lists (a {@link ToyList} of strings) and nested codes; a string is its length
 * and its UTF-16 code units ({@link DataOutputStream#writeUTF} stops at 65,535 bytes).
 * The source lines are not written: the reader gets them from the script, whose text the
 * cache compares first.
 */
public final class CodeFile {
    private static final byte LONG = 'L';
    private static final byte DOUBLE = 'D';
    private static final byte STRING = 'S';
    private static final byte KEYWORDS = 'K';
    private static final byte CODE = 'C';

    private CodeFile() {
    }

    /**
     * A constant kind this format has no tag for. The compiler makes none today; the check
     * keeps a kind added to it later from breaking runs: such a script is compiled at each run.
     */
    public static final class UnsupportedConstant extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedConstant(Object value) {
            super(value.getClass().getName(), null, false, false);
        }
    }

    /** The bytes of code and of the names of globals' slots 0 to {@code globals.size() - 1}. */
    public static byte[] write(Code code, Globals globals) throws UnsupportedConstant {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(globals.size());
            for (int slot = 0; slot < globals.size(); slot++) {
                writeString(out, globals.name(slot));
                out.writeBoolean(globals.declared(slot));
            }
            writeCode(out, code);
        } catch (IOException e) {
            throw new AssertionError("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #write} wrote, giving the codes {@code sourceLines} (the script's lines),
     * after checking that globals' slots hold the names the written ones held, then adds the
     * slots the script added and marks the names it declares. Returns null, with globals unchanged, when they differ (another
     * set of builtins); throws IOException (EOFException included) on bytes of another shape.
     */
    public static Code read(DataInputStream in, Globals globals, List<String> sourceLines) throws IOException {
        int count = in.readInt();
        String[] names = new String[count];
        boolean[] declared = new boolean[count];
        for (int slot = 0; slot < count; slot++) {
            names[slot] = readString(in);
            declared[slot] = in.readBoolean();
        }
        int existing = globals.size();
        if (count < existing) {
            return null;
        }
        for (int slot = 0; slot < existing; slot++) {
            if (!names[slot].equals(globals.name(slot))) {
                return null;
            }
        }
        Code code = readCode(in, sourceLines);
        // The slots the script added, in order, and its own declarations of existing names too
        // (a `let len = ...` at its top level declares the builtin's slot).
        for (int slot = 0; slot < count; slot++) {
            if (declared[slot]) {
                globals.declare(names[slot]);
            } else if (slot >= existing) {
                globals.indexOf(names[slot]);
            }
        }
        return code;
    }

    private static void writeCode(DataOutputStream out, Code code) throws IOException, UnsupportedConstant {
        writeString(out, code.name());
        writeString(out, code.file());
        out.writeInt(code.firstLine());
        writeInts(out, code.instructions());
        writeInts(out, code.lines());
        out.writeInt(code.constants().length);
        for (Object constant : code.constants()) {
            writeConstant(out, constant);
        }
        writeStrings(out, code.names());
        out.writeInt(code.parameterCount());
        out.writeInt(code.localCount());
        out.writeInt(code.maxStack());
        writeStrings(out, code.localNames());
        writeInts(out, code.cellParameters());
        writeInts(out, code.freeSources());
        writeStrings(out, code.freeNames());
        out.writeInt(code.handlers().size());
        for (Code.Handler h : code.handlers()) {
            out.writeInt(h.start());
            out.writeInt(h.end());
            out.writeInt(h.target());
            out.writeInt(h.depth());
            out.writeBoolean(h.catches());
        }
        writeInts(out, code.startColumns());
        writeInts(out, code.endColumns());
        writeInts(out, code.stackDepths());
        out.writeInt(code.nearLocals().size());
        for (Map.Entry<Integer, String> near : code.nearLocals().entrySet()) {
            out.writeInt(near.getKey());
            writeString(out, near.getValue());
        }
    }

    private static Code readCode(DataInputStream in, List<String> sourceLines) throws IOException {
        String name = readString(in);
        String file = readString(in);
        int firstLine = in.readInt();
        int[] instructions = readInts(in);
        int[] lines = readInts(in);
        Object[] constants = new Object[readLength(in)];
        for (int i = 0; i < constants.length; i++) {
            constants[i] = readConstant(in, sourceLines);
        }
        String[] names = readStrings(in);
        int parameterCount = in.readInt();
        int localCount = in.readInt();
        int maxStack = in.readInt();
        String[] localNames = readStrings(in);
        int[] cellParameters = readInts(in);
        int[] freeSources = readInts(in);
        String[] freeNames = readStrings(in);
        List<Code.Handler> handlers = new ArrayList<>();
        for (int i = readLength(in); i > 0; i--) {
            handlers.add(new Code.Handler(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean()));
        }
        int[] startColumns = readInts(in);
        int[] endColumns = readInts(in);
        int[] stackDepths = readInts(in);
        Map<Integer, String> nearLocals = new HashMap<>();
        for (int i = readLength(in); i > 0; i--) {
            nearLocals.put(in.readInt(), readString(in));
        }
        return new Code(name, file, firstLine, instructions, lines, constants, names, parameterCount, localCount,
                maxStack, localNames, cellParameters, freeSources, freeNames, List.copyOf(handlers), startColumns,
                endColumns, sourceLines, stackDepths, Map.copyOf(nearLocals), new Tier());
    }

    private static void writeConstant(DataOutputStream out, Object value) throws IOException, UnsupportedConstant {
        if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (value instanceof Code c) {
            out.writeByte(CODE);
            writeCode(out, c);
        } else if (value instanceof ToyList list && allStrings(list)) {
            out.writeByte(KEYWORDS);
            out.writeInt(list.size());
            for (int i = 0; i < list.size(); i++) {
                writeString(out, (String) list.get(i));
            }
        } else {
            throw new UnsupportedConstant(value);
        }
    }

    private static Object readConstant(DataInputStream in, List<String> sourceLines) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case STRING:
                return readString(in);
            case CODE:
                return readCode(in, sourceLines);
            case KEYWORDS:
                Object[] keywords = new Object[readLength(in)];
                for (int i = 0; i < keywords.length; i++) {
                    keywords[i] = readString(in);
                }
                return ToyList.of(keywords);
            default:
                throw new IOException("no constant has tag " + tag);
        }
    }

    private static boolean allStrings(ToyList list) {
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[readLength(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeStrings(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(values.length);
        for (String v : values) {
            writeString(out, v);
        }
    }

    private static String[] readStrings(DataInputStream in) throws IOException {
        String[] values = new String[readLength(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = readString(in);
        }
        return values;
    }

    /** A string as {@link #readString} reads it: its length, then its UTF-16 code units. */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeInt(s.length());
        out.writeChars(s);
    }

    /**
     * A string {@link #writeString} wrote: its UTF-16 code units keep any string exactly, lone
     * surrogates too. IOException if the bytes left are fewer than the length says.
     */
    public static String readString(DataInputStream in) throws IOException {
        char[] chars = new char[readLength(in)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = in.readChar();
        }
        return new String(chars);
    }

    /** A length, checked before an array of it is made: bytes of another shape must not ask for gigabytes. */
    private static int readLength(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a length of " + length + " with " + in.available() + " bytes left");
        }
        return length;
    }
}
