package toy.runtime.observe;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * One thread of a deadlock, as the DeadlockError report and the trace's {@code deadlock} record
 * give it: which thread, what it waits for, and where.
 *
 * @param thread the Toy thread: "Thread-1"
 * @param on     what it waits for, worded as the {@code on} of its {@code block} record (with a
 *               Lock's holder: {@code acquire Lock "b" (deadlock.toy:6), held by Thread-2})
 * @param line   the {@code file:line} where it waits
 */
public record BlockedThread(String thread, String on, String line) {
    /**
     * What it waits for and where, as a report line says it after "Thread-1 waits to":
     * {@code acquire Lock "b" (deadlock.toy:6), held by Thread-2, at deadlock.toy:14}. An aside
     * ("…, held by Thread-2") is closed by a comma before where the thread waits.
     */
    public String waitsAt() {
        return on + (on.contains(", ") ? ", at " : " at ") + line;
    }

    /**
     * The threads as a JSON array of {@code {"thread", "on", "line"}} objects, the shape of the
     * trace's {@code deadlock} record and of {@code --stats-json}'s {@code deadlock} field.
     */
    static void writeJson(JsonGenerator json, List<BlockedThread> blocked) throws IOException {
        json.writeStartArray();
        for (BlockedThread b : blocked) {
            json.writeStartObject();
            json.writeStringField("thread", b.thread());
            json.writeStringField("on", b.on());
            json.writeStringField("line", b.line());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
