package toy.runtime.observe;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code --trace-format jsonl}: one JSON object per line (CLI.md, "Schemas"). An instruction is
 * {@code {"seq", "t_ns", "thread", "fn", "pc", "line", "op", "arg", "stack"}}; an event is
 * {@code {"seq", "t_ns", "thread", "event", ...its fields}}. Written by jackson-core's
 * streaming generator straight into the output buffer, in UTF-8.
 */
final class JsonlTraceWriter extends TraceWriter {
    // Field names encoded once, not once per record.
    private static final SerializableString SEQ = new SerializedString("seq");
    private static final SerializableString T_NS = new SerializedString("t_ns");
    private static final SerializableString THREAD = new SerializedString("thread");
    private static final SerializableString FN = new SerializedString("fn");
    private static final SerializableString PC = new SerializedString("pc");
    private static final SerializableString LINE = new SerializedString("line");
    private static final SerializableString OP = new SerializedString("op");
    private static final SerializableString ARG = new SerializedString("arg");
    private static final SerializableString STACK = new SerializedString("stack");
    private static final SerializableString EVENT = new SerializedString("event");

    private final JsonGenerator json;

    JsonlTraceWriter(OutputStream out, String path, long limit) throws IOException {
        super(path, limit);
        json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        // Records end in a newline of their own, not in the generator's space between root values.
        json.setRootValueSeparator(null);
    }

    @Override
    protected void writeInstruction(long seq, long tNs, String thread, String fn, int pc, int line, String op, String arg,
            String stack) throws IOException {
        JsonGenerator j = json;
        start(seq, tNs, thread);
        j.writeFieldName(FN);
        j.writeString(fn);
        j.writeFieldName(PC);
        j.writeNumber(pc);
        j.writeFieldName(LINE);
        j.writeNumber(line);
        j.writeFieldName(OP);
        j.writeString(op);
        j.writeFieldName(ARG);
        j.writeString(arg);
        j.writeFieldName(STACK);
        j.writeString(stack);
        j.writeEndObject();
        j.writeRaw('\n');
    }

    @Override
    protected void writeEvent(long seq, long tNs, String thread, String event, Object[] fields) throws IOException {
        start(seq, tNs, thread);
        json.writeFieldName(EVENT);
        json.writeString(event);
        for (int i = 0; i < fields.length; i += 2) {
            String name = (String) fields[i];
            Object value = fields[i + 1];
            if (value instanceof Long n) {
                json.writeNumberField(name, n);
            } else {
                json.writeStringField(name, (String) value);
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** {@code "threads": [{"thread", "on", "line"}, ...]}: the fields of each blocked thread's {@code block} record. */
    @Override
    protected void writeDeadlock(long seq, long tNs, String thread, List<BlockedThread> blocked) throws IOException {
        start(seq, tNs, thread);
        json.writeFieldName(EVENT);
        json.writeString("deadlock");
        json.writeFieldName("threads");
        BlockedThread.writeJson(json, blocked);
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void start(long seq, long tNs, String thread) throws IOException {
        json.writeStartObject();
        json.writeFieldName(SEQ);
        json.writeNumber(seq);
        json.writeFieldName(T_NS);
        json.writeNumber(tNs);
        json.writeFieldName(THREAD);
        json.writeString(thread);
    }

    @Override
    protected void flushOutput() throws IOException {
        json.flush();
    }

    @Override
    protected void finish() throws IOException {
        json.close();
    }
}
