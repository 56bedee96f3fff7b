package toy.runtime.observe;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A timeline in Chrome's trace event format (the "JSON Object Format" of the Trace Event
 * Format document), which Perfetto and chrome://tracing open: one process, one track per lane
 * named by a {@code thread_name} metadata event, each span a complete ({@code "ph": "X"}) event
 * named after the state (a pool task after its function, with its {@code pool} and
 * {@code worker} in its args), with {@code ts} and {@code dur} in microseconds; a marker is an
 * instant event ({@code "ph": "i"}) on its track. Ruby's gvl-tracing writes the same shape.
 */
final class ChromeTraceTimeline implements Timeline {
    private static final int PID = 1;

    private final JsonGenerator json;
    /** Calls after {@link #close} (from threads that outlive the run) write nothing. */
    private boolean closed;

    ChromeTraceTimeline(OutputStream out) throws IOException {
        json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeStringField("displayTimeUnit", "ns");
        json.writeArrayFieldStart("traceEvents");
        json.writeStartObject();
        json.writeStringField("name", "process_name");
        json.writeStringField("ph", "M");
        json.writeNumberField("pid", PID);
        json.writeObjectFieldStart("args");
        json.writeStringField("name", "toy");
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public synchronized void lane(int lane, String name) throws IOException {
        if (closed) {
            return;
        }
        metadata(lane, "thread_name", "name", name);
        json.writeStartObject();
        json.writeStringField("name", "thread_sort_index");
        json.writeStringField("ph", "M");
        json.writeNumberField("pid", PID);
        json.writeNumberField("tid", lane);
        json.writeObjectFieldStart("args");
        json.writeNumberField("sort_index", lane);
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public synchronized void span(int lane, ThreadActivity state, long startNs, long endNs, String on, String line,
            String endedBy) throws IOException {
        if (closed) {
            return;
        }
        complete(lane, state.label(), "thread", startNs, endNs);
        json.writeObjectFieldStart("args");
        if (on != null) {
            json.writeStringField("on", on);
        }
        if (line != null) {
            json.writeStringField("line", line);
        }
        if (endedBy != null) {
            json.writeStringField("ended_by", endedBy);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** An instant event scoped to its thread's track ({@code "ph": "i", "s": "t"}), its detail in its args. */
    @Override
    public synchronized void marker(int lane, long atNs, String name, String detail) throws IOException {
        if (closed) {
            return;
        }
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("cat", name);
        json.writeStringField("ph", "i");
        json.writeStringField("s", "t");
        json.writeNumberField("pid", PID);
        json.writeNumberField("tid", lane);
        json.writeNumberField("ts", atNs / 1000.0);
        json.writeObjectFieldStart("args");
        json.writeStringField("detail", detail);
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public synchronized void task(int lane, int pool, int worker, long startNs, long endNs, String label) throws IOException {
        if (closed) {
            return;
        }
        complete(lane, label, "task", startNs, endNs);
        json.writeObjectFieldStart("args");
        json.writeNumberField("pool", pool);
        json.writeNumberField("worker", worker);
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
    }

    /** Opens a complete event; the caller adds its args and closes it. */
    private void complete(int lane, String name, String category, long startNs, long endNs) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("cat", category);
        json.writeStringField("ph", "X");
        json.writeNumberField("pid", PID);
        json.writeNumberField("tid", lane);
        json.writeNumberField("ts", startNs / 1000.0);
        json.writeNumberField("dur", (endNs - startNs) / 1000.0);
    }

    private void metadata(int lane, String name, String key, String value) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("ph", "M");
        json.writeNumberField("pid", PID);
        json.writeNumberField("tid", lane);
        json.writeObjectFieldStart("args");
        json.writeStringField(key, value);
        json.writeEndObject();
        json.writeEndObject();
    }
}
