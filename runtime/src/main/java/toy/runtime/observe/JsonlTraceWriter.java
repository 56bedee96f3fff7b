package toy.runtime.observe;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code --trace-format jsonl}: one JSON object per line (CLI.md, "Schemas"). An instruction is
 * {@code {"seq", "t_ns", "thread", "fn", "pc", "line", "op", "arg", "stack"}}; an event is
 * {@code {"seq", "t_ns", "thread", "event", ...its fields}}. Written by jackson-core's
 * streaming generator straight into the output buffer, in UTF-8.
 */
final class JsonlTraceWriter extends TraceWriter {
    private final JsonGenerator json;

    JsonlTraceWriter(OutputStream out, boolean closeOut, String path, long limit) throws IOException {
        super(path, limit);
        json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        // Records end in a newline of their own, not in the generator's space between root values.
        json.setRootValueSeparator(null);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, closeOut);
    }

    @Override
    protected void writeInstruction(long seq, long tNs, String thread, String fn, int pc, int line, String op, String arg,
            String stack) throws IOException {
        JsonGenerator j = json;
        start(seq, tNs, thread);
        j.writeStringField("fn", fn);
        j.writeNumberField("pc", pc);
        j.writeNumberField("line", line);
        j.writeStringField("op", op);
        j.writeStringField("arg", arg);
        j.writeStringField("stack", stack);
        j.writeEndObject();
        j.writeRaw('\n');
    }

    @Override
    protected void writeEvent(long seq, long tNs, String thread, String event, Object[] fields) throws IOException {
        start(seq, tNs, thread);
        json.writeStringField("event", event);
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

    private void start(long seq, long tNs, String thread) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", seq);
        json.writeNumberField("t_ns", tNs);
        json.writeStringField("thread", thread);
    }

    @Override
    protected void finish() throws IOException {
        json.close();
    }
}
