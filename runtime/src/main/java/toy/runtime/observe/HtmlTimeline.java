package toy.runtime.observe;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A timeline as one self-contained HTML page ({@code timeline.html} beside this class: inline
 * style and script, no network). The page's head is written first, then the data as it comes,
 * one JSON array per row inside a {@code <script type="application/json">} element, then the
 * script that draws it; so the timeline is streamed, never held in memory here. Rows:
 * {@code ["K", label...]} the state names, {@code ["L", lane, name]} a lane,
 * {@code ["S", lane, state, start_ns, end_ns, on, line]} a thread's span (with an eighth
 * element, ended_by, for a wait that ended without what it waited for), {@code ["T", lane, start_ns, end_ns,
 * label]} a pool task, {@code ["M", lane, at_ns, name, detail]} a marker.
 */
final class HtmlTimeline implements Timeline {
    private static final String MARKER = "@DATA@";
    private static final String[] PAGE = page();

    private final JsonGenerator json;
    /** Calls after {@link #close} (from threads that outlive the run) write nothing. */
    private boolean closed;

    HtmlTimeline(OutputStream out) throws IOException {
        json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.setCharacterEscapes(new ScriptSafe());
        json.setRootValueSeparator(new SerializedString(",\n"));
        json.writeRaw(PAGE[0]);
        json.writeStartArray();
        json.writeString("K");
        for (ThreadActivity a : ThreadActivity.values()) {
            json.writeString(a.label());
        }
        json.writeEndArray();
    }

    @Override
    public synchronized void lane(int lane, String name) throws IOException {
        if (closed) {
            return;
        }
        json.writeStartArray();
        json.writeString("L");
        json.writeNumber(lane);
        json.writeString(name);
        json.writeEndArray();
    }

    @Override
    public synchronized void span(int lane, ThreadActivity state, long startNs, long endNs, String on, String line,
            String endedBy) throws IOException {
        if (closed) {
            return;
        }
        json.writeStartArray();
        json.writeString("S");
        json.writeNumber(lane);
        json.writeNumber(state.ordinal());
        json.writeNumber(startNs);
        json.writeNumber(endNs);
        json.writeString(on);
        json.writeString(line);
        // Only when there is one: the common span stays as short as it was.
        if (endedBy != null) {
            json.writeString(endedBy);
        }
        json.writeEndArray();
    }

    @Override
    public synchronized void marker(int lane, long atNs, String name, String detail) throws IOException {
        if (closed) {
            return;
        }
        json.writeStartArray();
        json.writeString("M");
        json.writeNumber(lane);
        json.writeNumber(atNs);
        json.writeString(name);
        json.writeString(detail);
        json.writeEndArray();
    }

    @Override
    public synchronized void task(int lane, int pool, int worker, long startNs, long endNs, String label) throws IOException {
        // The lane's name already says the pool and the worker.
        if (closed) {
            return;
        }
        json.writeStartArray();
        json.writeString("T");
        json.writeNumber(lane);
        json.writeNumber(startNs);
        json.writeNumber(endNs);
        json.writeString(label);
        json.writeEndArray();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        json.writeRaw(PAGE[1]);
        json.close();
    }

    /** The page around the data: the text before and after the marker. */
    private static String[] page() {
        try (InputStream in = HtmlTimeline.class.getResourceAsStream("timeline.html")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int at = text.indexOf(MARKER);
            return new String[] {text.substring(0, at), text.substring(at + MARKER.length())};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON escapes plus {@code <}, so that no string in the data can close the script element. */
    private static final class ScriptSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ESCAPES = escapes();

        private static int[] escapes() {
            int[] escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            return escapes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ESCAPES;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
