package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static toy.runtime.Expect.args;

import org.junit.jupiter.api.Test;

class ToyErrorTest {
    @Test
    void kindAndMessageAreAttributes() {
        ToyError e = new ToyError("KeyError", "\"x\"");
        assertEquals("KeyError", e.getAttribute("kind"));
        assertEquals("\"x\"", e.getAttribute("message"));
        assertNull(e.getAttribute("traceback"));
        assertNull(e.callMethod("kind", args()));
        assertEquals("KeyError: \"x\"", e.str());
        assertEquals("Error", new ToyError("Error", "").str());
    }

    @Test
    void tracebackPrintsOutermostFirstAndShortensRepeats() {
        ToyError e = new ToyError("RecursionError", "maximum recursion depth exceeded");
        TracebackEntry inner = new TracebackEntry("r.toy", 2, "f");
        for (int i = 0; i < 6; i++) {
            e.addTraceback(inner);
        }
        e.addTraceback(new TracebackEntry("r.toy", 5, "<main>"));
        assertEquals("""
                Traceback (most recent call last):
                  File "r.toy", line 5, in <main>
                  File "r.toy", line 2, in f
                  File "r.toy", line 2, in f
                  File "r.toy", line 2, in f
                  [Previous line repeated 3 more times]
                RecursionError: maximum recursion depth exceeded
                """, e.formatTraceback());
    }

    @Test
    void tracebackShowsTheSourceLineWithCaretsUnderTheFailingPart() {
        ToyError e = new ToyError("ZeroDivisionError", "division by zero");
        e.addTraceback(new TracebackEntry("race.toy", 4, "worker", "    total = total + 1 // n", 21, 27));
        e.addTraceback(new TracebackEntry("race.toy", 12, "<main>", "worker(0)", 1, 10));
        assertEquals("""
                Traceback (most recent call last):
                  File "race.toy", line 12, in <main>
                    worker(0)
                  File "race.toy", line 4, in worker
                    total = total + 1 // n
                                    ^^^^^^
                ZeroDivisionError: division by zero
                """, e.formatTraceback());
    }
}
