package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import toy.runtime.observe.ThreadActivity;
import toy.runtime.observe.Timeline;

/**
 * The {@code --timeline FILE.html} page in a real headless Chromium (Debian's {@code chromium},
 * which {@code .ci/run} installs): the page's script runs to its end without an error (it then
 * marks {@code <body data-status="ok">}; an error marks it "error") and shows every lane's name.
 * Skipped only when no Chromium can be found on the PATH.
 */
class TimelinePageTest {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

    @TempDir
    Path dir;

    @Test
    void pageOfARealRunShowsEveryThread() throws Exception {
        Path script = dir.resolve("two.toy");
        Files.writeString(script, """
                fn countdown(n) {
                    while n > 0 {
                        n -= 1
                    }
                }
                let t1 = spawn countdown(20000)
                let t2 = spawn countdown(20000)
                t1.join()
                t2.join()
                """);
        Path page = dir.resolve("t.html");
        ToyRunner.Result r = ToyRunner.run("run", "--switch-interval", "100", "--timeline", page.toString(), script.toString());
        assertEquals(0, r.status(), r.err());
        String dom = render(page);
        assertTrue(dom.contains("data-status=\"ok\""), "the page's script ran to its end:\n" + dom);
        for (String name : List.of("MainThread", "Thread-1", "Thread-2")) {
            assertTrue(dom.contains("<div class=\"lane\">" + name + "</div>"), name + " has a lane:\n" + dom);
        }
    }

    /**
     * The page's controls, driven by a probe script added to a real run's page: zooming with
     * the wheel and panning with the keys raise no error, and hovering over MainThread's lane
     * where it waits in {@code join} (found in the page's data) shows the state, what it waits
     * on and its line.
     */
    @Test
    void hoverShowsDetailsAndZoomWorks() throws Exception {
        Path script = dir.resolve("join.toy");
        Files.writeString(script, """
                fn nap() {
                    # At least half a second: the join's span must be far wider than a pixel.
                    sleep(0.5)
                }
                let t = spawn nap()
                t.join()
                """);
        Path page = dir.resolve("t.html");
        ToyRunner.Result r = ToyRunner.run("run", "--timeline", page.toString(), script.toString());
        assertEquals(0, r.status(), r.err());
        String tip = hoverTip(page, """
                  // The middle of MainThread's (lane 0) blocked span (state 3), from the page's own data.
                  var rows = JSON.parse(document.getElementById("data").textContent), end = 0, blocked;
                  rows.forEach(function (r) {
                    if (r[0] === "S") end = Math.max(end, r[4]);
                    if (r[0] === "S" && r[1] === 0 && r[2] === 3) blocked = r;
                  });
                  var at = { clientX: box.left + (blocked[3] + blocked[4]) / 2 / end * box.width, clientY: box.top + 28 + 14,
                             bubbles: true };
                  c.dispatchEvent(new WheelEvent("wheel", Object.assign({ deltaY: -100 }, at)));
                  c.dispatchEvent(new WheelEvent("wheel", Object.assign({ deltaY: 100 }, at)));
                  window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
                  window.dispatchEvent(new KeyboardEvent("keydown", { key: "0" }));
                  c.dispatchEvent(new MouseEvent("mousemove", at));
                """);
        assertTrue(tip.contains("MainThread\nblocked\nfor "), tip);
        assertTrue(tip.contains("on: join Thread-1") && tip.contains("line: " + script + ":6"), tip);
    }

    /**
     * A deadlock: a marker on each of its threads' lanes, in the legend, and, hovered, the
     * DeadlockError report; the blocked span under it says the deadlock ended it.
     */
    @Test
    void aDeadlockIsMarkedOnItsThreadsLanes() throws Exception {
        Path page = dir.resolve("t.html");
        ToyRunner.Result r = ToyRunner.run("run", "--timeline", page.toString(),
                ToyRunner.root().resolve("samples/threads/deadlock.toy").toString());
        assertEquals(70, r.status(), r.err());
        String probe = """
                <script>
                (function () {
                  var c = document.getElementById("canvas"), box = c.getBoundingClientRect();
                  // The page shows [0, end] with 1% more after it when there are markers; Thread-1 is lane 1.
                  var rows = JSON.parse(document.getElementById("data").textContent), end = 0, mark, span;
                  rows.forEach(function (r) {
                    if (r[0] === "S") end = Math.max(end, r[4]);
                    if (r[0] === "M") end = Math.max(end, r[2]);
                    if (r[0] === "M" && r[1] === 1) mark = r;
                    if (r[0] === "S" && r[1] === 1 && r[7] === "deadlock") span = r;
                  });
                  end *= 1.01;
                  function at(t) {
                    return { clientX: box.left + t / end * box.width, clientY: box.top + 28 + 28 + 14, bubbles: true };
                  }
                  function hover(t) {
                    c.dispatchEvent(new MouseEvent("mousemove", at(t)));
                    return document.getElementById("tip").textContent;
                  }
                  var out = document.createElement("pre");
                  out.id = "probe";
                  var marked = hover(mark[2]), middle = (span[3] + span[4]) / 2;
                  // Zoomed in around the span's middle (which stays under the pointer) until the
                  // marker at its end is far away, however short the span.
                  for (var i = 0; i < 80; i++) c.dispatchEvent(new WheelEvent("wheel", Object.assign({ deltaY: -100 }, at(middle))));
                  out.textContent = marked + "\\n----\\n" + hover(middle);
                  document.body.appendChild(out);
                })();
                </script>
                </body>""";
        String dom = renderProbed(page, probe);
        assertTrue(dom.contains("3 lanes, ") && dom.contains(" spans, 3 markers, "), "a marker per thread of the deadlock");
        assertTrue(dom.contains("<i style=\"background: rgb(0, 0, 0);\"></i>deadlock</span>"), "the legend names the marker");
        String[] tips = dom.substring(dom.indexOf("<pre id=\"probe\">") + "<pre id=\"probe\">".length()).split("\n----\n");
        assertTrue(tips[0].startsWith("Thread-1\ndeadlock at "), tips[0]);
        assertTrue(tips[0].contains("\nDeadlockError: every thread is blocked and none can wake the others\n  MainThread waits to join Thread-1"),
                tips[0]);
        assertTrue(tips[0].contains("Thread-1 waits to acquire Lock \"b\""), tips[0]);
        assertTrue(tips[1].startsWith("Thread-1\nblocked\nfor "), tips[1]);
        assertTrue(tips[1].contains("\nended by: deadlock (the run was aborted)"), tips[1]);
    }

    /** A wait its thread gave up (a timeout ran out) says so when hovered, not that the run was aborted. */
    @Test
    void aWaitGivenUpSaysSo() throws Exception {
        Path page = dir.resolve("t.html");
        try (OutputStream out = Files.newOutputStream(page)) {
            Timeline timeline = Timeline.create(page.toString(), out);
            timeline.lane(0, "Thread-1");
            timeline.span(0, ThreadActivity.BLOCKED, 0, 1_000_000, "acquire Lock (a.toy:1)", "a.toy:3", "timeout");
            timeline.close();
        }
        String tip = hoverTip(page, """
                  c.dispatchEvent(new MouseEvent("mousemove", { clientX: box.left + box.width / 2, clientY: box.top + 28 + 14, bubbles: true }));
                """);
        assertTrue(tip.startsWith("Thread-1\nblocked\nfor "), tip);
        assertTrue(tip.contains("\nended by: timeout (it gave up waiting)</pre>"), tip);
    }

    /** 100,000 state changes and a pool worker's tasks: all drawn (merged per pixel), none dropped. */
    @Test
    void pageWithAHundredThousandSpansRenders() throws Exception {
        Path page = dir.resolve("big.html");
        try (OutputStream out = Files.newOutputStream(page)) {
            Timeline timeline = Timeline.create(page.toString(), out);
            timeline.lane(0, "MainThread");
            timeline.lane(1, "Thread-1 </script><b>");
            timeline.lane(2, "Pool 2 worker 0");
            ThreadActivity[] states = ThreadActivity.values();
            for (int i = 0; i < 50_000; i++) {
                long t = i * 1000L;
                timeline.span(0, states[i % states.length], t, t + 1000, i % 7 == 0 ? "acquire Lock (a.toy:3)" : null, "a.toy:" + i,
                        null);
                timeline.span(1, states[(i + 2) % states.length], t, t + 1000, null, null, null);
            }
            timeline.task(2, 2, 0, 0, 25_000_000, "f(1)");
            timeline.close();
        }
        String dom = render(page);
        assertTrue(dom.contains("data-status=\"ok\""), dom.substring(0, Math.min(dom.length(), 4000)));
        assertTrue(dom.contains("3 lanes, 100001 spans"), "every span was read");
        assertTrue(dom.contains("<div class=\"lane\">Thread-1 &lt;/script&gt;&lt;b&gt;</div>"), "a name cannot break the page");
        assertTrue(dom.contains("<div class=\"lane\">Pool 2 worker 0</div>"), "a worker's lane is named after its pool");
    }

    /**
     * The tooltip's text (and the page's end after it) once {@code events} (script lines with
     * {@code c}, the canvas, and {@code box}, its bounds) have run on page.
     */
    private String hoverTip(Path page, String events) throws IOException, InterruptedException {
        String dom = renderProbed(page, """
                <script>
                (function () {
                  var c = document.getElementById("canvas"), box = c.getBoundingClientRect();
                """ + events + """
                  var out = document.createElement("pre");
                  out.id = "probe";
                  out.textContent = document.getElementById("tip").textContent;
                  document.body.appendChild(out);
                })();
                </script>
                </body>""");
        return dom.substring(dom.indexOf("<pre id=\"probe\">") + "<pre id=\"probe\">".length());
    }

    /** The DOM of page with probe (a script, then {@code </body>}) put at its end, its own scripts having run to their end. */
    private String renderProbed(Path page, String probe) throws IOException, InterruptedException {
        Path probed = dir.resolve("probed.html");
        Files.writeString(probed, Files.readString(page).replace("</body>", probe));
        String dom = render(probed);
        assertTrue(dom.contains("data-status=\"ok\""), dom);
        return dom;
    }

    /** The page's DOM after its scripts ran, as headless Chromium dumps it. */
    private String render(Path page) throws IOException, InterruptedException {
        String browser = browser();
        assumeTrue(browser != null, "no chromium on the PATH (.ci/run installs Debian's chromium)");
        Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=10000", "--dump-dom",
                page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // A guard against a browser that never ends, not a measurement.
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "chromium did not finish");
        assertEquals(0, p.exitValue(), "chromium failed");
        return dom;
    }

    private static String browser() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : BROWSERS) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }
}
