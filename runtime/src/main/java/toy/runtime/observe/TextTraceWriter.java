package toy.runtime.observe;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code --trace-format text}: aligned columns for people, under a header line. An instruction:
 * seq, t_ns, thread, function, offset, line, opcode, operand with its meaning, stack top. An
 * event: seq, t_ns, thread, then {@code ---} and the event's name with its fields as
 * {@code name=value}. A record is one line: control characters in its values are escaped
 * ({@link ControlCharacters}).
 */
final class TextTraceWriter extends TraceWriter {
    private static final String HEADER = pad("seq", 8, true) + "  " + pad("t_ns", 12, true) + "  " + pad("thread", 12, false)
            + "  " + pad("fn", 14, false) + "  " + pad("pc", 5, true) + "  " + pad("line", 5, true) + "  "
            + pad("op", 20, false) + "  " + pad("arg", 24, false) + "  stack\n";

    private final Writer out;
    private final StringBuilder record = new StringBuilder(160);
    private char[] chars = new char[160];

    TextTraceWriter(OutputStream out, String path, long limit) throws IOException {
        super(path, limit);
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.out.write(HEADER);
    }

    @Override
    protected void writeInstruction(long seq, long tNs, String thread, String fn, int pc, int line, String op, String arg,
            String stack) throws IOException {
        StringBuilder r = start(seq, tNs, thread);
        column(r, fn, 14, false);
        column(r, Integer.toString(pc), 5, true);
        column(r, Integer.toString(line), 5, true);
        column(r, op, 20, false);
        if (stack == null) {
            ControlCharacters.append(r, arg);
        } else {
            column(r, arg, 24, false);
            ControlCharacters.append(r, stack);
        }
        end(r);
    }

    @Override
    protected void writeEvent(long seq, long tNs, String thread, String event, Object[] fields) throws IOException {
        StringBuilder r = start(seq, tNs, thread);
        r.append("--- ").append(event);
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            r.append(' ').append(fields[i]).append('=');
            if (value instanceof String s) {
                ControlCharacters.appendQuoted(r, s);
            } else {
                r.append(value == null ? "nil" : value.toString());
            }
        }
        end(r);
    }

    /** {@code --- deadlock Thread-1="acquire Lock (a.toy:6), held by Thread-2, at a.toy:14" ...}: a field per blocked thread. */
    @Override
    protected void writeDeadlock(long seq, long tNs, String thread, List<BlockedThread> blocked) throws IOException {
        Object[] fields = new Object[blocked.size() * 2];
        for (int i = 0; i < blocked.size(); i++) {
            fields[2 * i] = blocked.get(i).thread();
            fields[2 * i + 1] = blocked.get(i).waitsAt();
        }
        writeEvent(seq, tNs, thread, "deadlock", fields);
    }

    @Override
    protected void flushOutput() throws IOException {
        out.flush();
    }

    @Override
    protected void finish() throws IOException {
        out.close();
    }

    private StringBuilder start(long seq, long tNs, String thread) {
        StringBuilder r = record;
        r.setLength(0);
        padLeft(r, Long.toString(seq), 8);
        r.append("  ");
        padLeft(r, Long.toString(tNs), 12);
        r.append("  ");
        column(r, thread, 12, false);
        return r;
    }

    private void end(StringBuilder r) throws IOException {
        int length = r.length();
        while (length > 0 && r.charAt(length - 1) == ' ') {
            length--;
        }
        r.setLength(length);
        r.append('\n');
        // Through a reused array: Writer.append(CharSequence) would make a String of each record.
        if (chars.length < r.length()) {
            chars = new char[r.length() * 2];
        }
        r.getChars(0, r.length(), chars, 0);
        out.write(chars, 0, r.length());
    }

    /** Appends a value padded to {@code width} (a name's control characters escaped), then the two spaces between columns. */
    private static void column(StringBuilder r, String value, int width, boolean right) {
        if (right) {
            padLeft(r, value, width);
        } else {
            for (int i = ControlCharacters.append(r, value); i < width; i++) {
                r.append(' ');
            }
        }
        r.append("  ");
    }

    private static void padLeft(StringBuilder r, String value, int width) {
        for (int i = value.length(); i < width; i++) {
            r.append(' ');
        }
        r.append(value);
    }

    private static String pad(String value, int width, boolean right) {
        StringBuilder r = new StringBuilder();
        if (right) {
            padLeft(r, value, width);
        } else {
            r.append(value).append(" ".repeat(Math.max(0, width - value.length())));
        }
        return r.toString();
    }
}
