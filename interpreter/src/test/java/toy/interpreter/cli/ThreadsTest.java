package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** LANGUAGE.md section 7 and the GIL options: threads, primitives, policies, intervals, deadlocks. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadsTest {
    @TempDir
    Path dir;

    private ToyRunner.Result run(String text, String... options) throws IOException {
        Path file = Files.writeString(dir.resolve("t.toy"), text);
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(options));
        args.add(file.toString());
        return ToyRunner.run(args.toArray(new String[0]));
    }

    private static final String COUNTDOWN = """
            fn countdown(n) {
                while n > 0 { n -= 1 }
                return current_thread().name
            }
            let a = spawn countdown(300000)
            let b = spawn countdown(300000)
            print(a.join(), b.join(), current_thread().name)
            """;

    @Test
    void everyPolicyAndIntervalRunsThreadsToTheEnd() throws IOException {
        String[][] settings = {{}, {"--gil", "handoff"}, {"--gil", "unfair"}, {"--gil", "off"},
            {"--switch-interval", "100"}, {"--switch-interval", "1"}, {"--switch-interval", "200us"},
            {"--gil", "unfair", "--switch-interval", "1ms"}};
        for (String[] options : settings) {
            ToyRunner.Result result = run(COUNTDOWN, options);
            assertEquals("Thread-1 Thread-2 MainThread\n", result.out(), String.join(" ", options));
            assertEquals(0, result.status());
        }
    }

    @Test
    void badGilOptionsAreUsageErrors() throws IOException {
        assertEquals(2, run("print(1)", "--gil", "sometimes").status());
        assertEquals(2, run("print(1)", "--switch-interval", "0").status());
        assertEquals(2, run("print(1)", "--switch-interval", "5s").status());
    }

    @Test
    void updatesAreLostAtIntervalOne() {
        String out = ToyRunner.run("run", ToyRunner.root().resolve("samples/threads/race.toy").toString()).out();
        assertTrue(out.endsWith("lost updates: true\n"), out);
    }

    @Test
    void aLockMakesTheCountExact() throws IOException {
        String fixed = """
                set_switch_interval(1)
                let counter = 0
                let lock = Lock()
                fn work() {
                    for i in range(1000) {
                        with lock { counter += 1 }
                    }
                }
                let threads = [spawn work(), spawn work(), spawn work()]
                for t in threads { t.join() }
                print(counter, lock.locked())
                """;
        assertEquals("3000 false\n", run(fixed).out());
    }

    @Test
    void switchIntervalCanBeReadAndChanged() throws IOException {
        String script = """
                print(switch_interval())
                set_switch_interval(50)
                print(switch_interval())
                set_switch_interval(0.002)
                print(switch_interval())
                try { set_switch_interval(0) } catch e { print(e) }
                """;
        assertEquals("0.005\n50\n0.002\nValueError: switch interval must be between 1 and 2147483647 instructions\n",
                run(script).out());
        assertEquals("1000\n", run("print(switch_interval())", "--switch-interval", "1000").out());
    }

    @Test
    void lockSemaphoreAndQueueBehave() throws IOException {
        String script = """
                let lock = Lock()
                try { lock.release() } catch e { print(e) }
                lock.acquire()
                print(lock.locked())
                let other = spawn fn() { try { lock.release() } catch e { return str(e) } }()
                print(other.join())
                lock.release()
                let sem = Semaphore(2)
                sem.acquire()
                sem.acquire()
                let waiter = spawn fn() { sem.acquire(); return "got it" }()
                sleep(0.05)
                sem.release()
                print(waiter.join())
                let q = Queue()
                q.put(1)
                q.put("two")
                print(q.size(), q.get(), q.get(), q.size())
                """;
        assertEquals("ValueError: release unlocked lock\ntrue\nValueError: cannot release a Lock held by another thread\n"
                + "got it\n2 1 two 0\n", run(script).out());
    }

    @Test
    void primitivesTakeTheirParameterByKeywordToo() throws IOException {
        String script = """
                let s = Semaphore(n=2, name="slots")
                print(s.acquire(false), s.acquire(false), s.acquire(false))
                let v = Semaphore(value=1)
                print(v.acquire(false), v.acquire(false))
                let q = Queue(maxsize=1)
                q.put(1)
                try { q.put(2, block=false) } catch e { print(e.kind) }
                let unbounded = Queue(-1)
                for i in range(3) { unbounded.put(i, block=false) }
                print(unbounded.size())
                let r = RLock()
                let c = Condition(lock=r)
                # c holds r: another thread cannot take it meanwhile.
                with c { print(spawn fn() { return r.acquire(false) }().join()) }
                for bad in [fn() { Semaphore(2, n=3) }, fn() { Queue(maxsize=1, size=2) }, fn() { with 5 { } }] {
                    try { bad() } catch e { print(e) }
                }
                """;
        assertEquals("true true false\ntrue false\nFull\n3\nfalse\n"
                + "TypeError: Semaphore() got multiple values for argument 'n'\n"
                + "TypeError: Queue() got an unexpected keyword argument 'size'\n"
                + "TypeError: 'int' object cannot be used in 'with' (it needs a Lock, an RLock, a Semaphore or a Condition)\n",
                run(script).out());
    }

    @Test
    void timeoutsAndNonBlockingCallsAsPythonHasThem() throws IOException {
        String script = """
                let l = Lock(name="l")
                print(l.acquire(), l.acquire(false), l.acquire(timeout=0.01), l.acquire(blocking=false), l.locked())
                try { l.acquire(false, 1) } catch e { print(e) }
                try { l.acquire(timeout=-2) } catch e { print(e) }
                try { l.acquire(nope=1) } catch e { print(e) }
                let s = Semaphore(1)
                print(s.acquire(), s.acquire(false), s.acquire(timeout=0.01))
                let q = Queue(1)
                q.put(1)
                try { q.put(2, timeout=0.01) } catch e { print(e) }
                try { q.put(2, false) } catch e { print(e) }
                print(q.get(), q.empty())
                try { q.get(timeout=0.01) } catch e { print(e.kind, e.message) }
                try { q.get(block=false) } catch e { print(e) }
                let never = Event()
                print(never.wait(0.01), never.is_set())
                let busy = spawn fn() { never.wait() }()
                print(busy.join(timeout=0.01), busy.is_alive())
                never.set()
                busy.join()
                print(busy.is_alive())
                # Past Python's TIMEOUT_MAX (an infinite one too) is an OverflowError, not a wait
                # that never ends; a negative one waits not at all, except for a Queue.
                for wait in [fn(t) { never.wait(t) }, fn(t) { l.acquire(timeout=t) }, fn(t) { q.get(timeout=t) }] {
                    try { wait(float("inf")) } catch e { print(e) }
                    try { wait(9223372037) } catch e { print(e) }
                }
                let c = Condition()
                with c { print(Event().wait(-1), Event().wait(float("nan")), c.wait(-0.5), busy.join(-1)) }
                try { q.get(timeout=-1) } catch e { print(e) }
                """;
        assertEquals("""
                true false false false true
                ValueError: can't specify a timeout for a non-blocking call
                ValueError: timeout value must be positive
                TypeError: acquire() got an unexpected keyword argument 'nope'
                true false false
                Full: queue is full
                Full: queue is full
                1 true
                Empty queue is empty
                Empty: queue is empty
                false false
                nil true
                false
                OverflowError: timeout value is too large
                OverflowError: timeout value is too large
                OverflowError: timeout value is too large
                OverflowError: timeout value is too large
                OverflowError: timeout value is too large
                OverflowError: timeout value is too large
                false false false nil
                ValueError: 'timeout' must be a non-negative number
                """, run(script).out());
    }

    @Test
    void rlockConditionAndEventBehave() throws IOException {
        String script = """
                let r = RLock()
                print(r.acquire(), r.acquire())
                r.release()
                r.release()
                try { r.release() } catch e { print(e) }
                let c = Condition()
                try { c.wait() } catch e { print(e) }
                try { c.notify() } catch e { print(e) }
                with c { print(c.wait(0.01)) }
                let ready = Event(name="ready")
                let items = []
                fn consume() {
                    ready.set()
                    with c {
                        while len(items) == 0 { c.wait() }
                        return items.pop()
                    }
                }
                let t = spawn consume()
                ready.wait()
                with c {
                    items.append("item")
                    c.notify()
                }
                print(t.join())
                let reentered = Condition(RLock())
                with reentered { with reentered { print(reentered.wait(0.01)) } }
                """;
        assertEquals("""
                true true
                ValueError: cannot release un-acquired lock
                RuntimeError: cannot wait on un-acquired lock
                RuntimeError: cannot notify on un-acquired lock
                false
                item
                false
                """, run(script).out());
    }

    @Test
    void notifyOfNoneOrFewerWakesNoOne() throws IOException {
        // As Python 3.11's Condition.notify(n), which wakes min(n, waiters) and takes any n. The
        // waiter is waiting before the notify: it holds the lock from its wakeup of MainThread on.
        ToyRunner.Result result = run("""
                let c = Condition(name="c")
                let ready = false
                fn waiter() {
                    with c {
                        ready = true
                        c.notify()
                        c.wait()
                    }
                }
                let t = nil
                with c {
                    t = spawn waiter()
                    while not ready { c.wait() }
                    c.notify(0)
                    c.notify(-1)
                    print("notified")
                }
                t.join()
                """);
        assertEquals("notified\n", result.out());
        assertEquals(70, result.status());
        assertTrue(result.err().contains("Thread-1 waits to be notified by Condition \"c\" ("), result.err());
    }

    @Test
    void aWaitWithATimeoutIsNeverADeadlock() throws IOException {
        ToyRunner.Result result = run("""
                let l = Lock()
                l.acquire()
                print(l.acquire(timeout=0.05))
                let e = Event()
                print(e.wait(0.05))
                let q = Queue()
                try { q.get(timeout=0.05) } catch err { print(err.kind) }
                """);
        assertEquals("false\nfalse\nEmpty\n", result.out());
        assertEquals(0, result.status(), result.err());
    }

    @Test
    void theDeadlockReportNamesConditionAndEventWaitsAndLockHolders() throws IOException {
        ToyRunner.Result condition = run("let c = Condition(name=\"nobody\")\nwith c { c.wait() }\n");
        assertEquals(70, condition.status());
        assertTrue(condition.err().contains("MainThread waits to be notified by Condition \"nobody\" ("), condition.err());
        ToyRunner.Result event = run("let e = Event()\ne.wait()\n");
        assertTrue(event.err().contains("MainThread waits to see Event ("), event.err());
        ToyRunner.Result lock = run("""
                let l = Lock(name="mine")
                let held = Event()
                fn hold() { l.acquire(); held.set(); Queue().get() }
                spawn hold()
                held.wait()
                l.acquire()
                """);
        assertTrue(lock.err().contains("MainThread waits to acquire Lock \"mine\" ("), lock.err());
        assertTrue(lock.err().contains("), held by Thread-1, at "), lock.err());
    }

    @Test
    void aThreadSpawnedOnABuiltinIsReportedAtItsSpawn() throws IOException {
        // No Toy frame of its own: it waits where it was spawned (was "at ?:0").
        ToyRunner.Result result = run("let l = Lock()\nl.acquire()\nlet t = spawn l.acquire()\nt.join()\n");
        assertEquals(70, result.status());
        assertTrue(result.err().matches("(?s).*Thread-1 waits to acquire Lock \\([^)]*\\), held by MainThread, at [^\\n]*:3\n.*"),
                result.err());
        // Its error, too, is placed at the spawn (the traceback had no line at all).
        ToyRunner.Result failed = run("let x = 1\nlet t = spawn int(\"x\")\n");
        assertTrue(failed.err().startsWith("Exception in thread Thread-1:\nTraceback (most recent call last):\n"
                + "  File \"" + dir.resolve("t.toy") + "\", line 2, in <main>\n"), failed.err());
    }

    @Test
    void aLockHeldByAThreadThatEndedSaysSo() throws IOException {
        // Thread-1 is not in the report (it is not blocked): the report says where it went.
        ToyRunner.Result result = run("let l = Lock()\nfn worker() { l.acquire() }\nlet t = spawn worker()\nt.join()\nl.acquire()\n");
        assertEquals(70, result.status());
        assertTrue(result.err().contains("), held by Thread-1, which ended without releasing it, at "), result.err());
    }

    @Test
    void mainThreadWaitingAtTheScriptsEndIsReportedWhereItsCodeEnded() throws IOException {
        // Its frame has returned: not the script's first line, where its code started.
        ToyRunner.Result result = run("let l = Lock()\nfn f() { l.acquire() }\nl.acquire()\nprint(1)\nspawn f()\n");
        assertEquals(70, result.status());
        assertTrue(result.err().matches("(?s).*MainThread waits to see the other threads finish at [^\\n]*:5\n.*"),
                result.err());
    }

    @Test
    void aThreadErrorIsReportedAndRaisedByJoin() throws IOException {
        ToyRunner.Result result = run("""
                fn bad() { return [][0] }
                let t = spawn bad()
                try { t.join() } catch e { print("join:", e) }
                """);
        assertEquals("join: IndexError: list index out of range\n", result.out());
        assertTrue(result.err().startsWith("Exception in thread Thread-1:\nTraceback (most recent call last):\n"), result.err());
        assertEquals(0, result.status());
    }

    @Test
    void deadlockOnTwoLocks() throws IOException {
        ToyRunner.Result result = run("""
                let a = Lock()
                let b = Lock()
                let has_a = Queue()
                let has_b = Queue()
                # Each takes its first lock and waits until the other holds its own: a deadlock for sure.
                fn one() { with a { has_a.put(1); has_b.get(); with b { } } }
                fn two() { with b { has_b.put(1); has_a.get(); with a { } } }
                let t1 = spawn one()
                let t2 = spawn two()
                t1.join()
                """);
        assertEquals(70, result.status());
        assertTrue(result.err().startsWith("DeadlockError: every thread is blocked"), result.err());
        assertTrue(result.err().contains("MainThread waits to join Thread-1"), result.err());
        assertTrue(result.err().contains("Thread-1 waits to acquire Lock"), result.err());
        assertTrue(result.err().contains("Thread-2 waits to acquire Lock"), result.err());
    }

    @Test
    void deadlockOnAJoinCycleAndAnUnfedQueue() throws IOException {
        ToyRunner.Result cycle = run("""
                let threads = []
                let go = Queue()
                fn wait_for(i) { go.get(); threads[i].join() }
                threads.append(spawn wait_for(1))
                threads.append(spawn wait_for(0))
                go.put(1)
                go.put(1)
                threads[0].join()
                """);
        assertEquals(70, cycle.status());
        assertTrue(cycle.err().contains("Thread-1 waits to join Thread-2"), cycle.err());
        ToyRunner.Result queue = run("let q = Queue()\nprint(\"before\")\nq.get()\n");
        assertEquals(70, queue.status());
        assertEquals("before\n", queue.out());
        assertTrue(queue.err().contains("MainThread waits to get from an empty Queue"), queue.err());
        ToyRunner.Result self = run("let l = Lock()\nl.acquire()\nl.acquire()\n");
        assertEquals(70, self.status());
    }

    @Test
    void noFalseAlarmWhileAThreadSleepsOrRuns() throws IOException {
        ToyRunner.Result result = run("""
                let q = Queue()
                let lock = Lock()
                fn late() { sleep(0.2); q.put("fed") }
                fn busy() { with lock { let n = 2000000; while n > 0 { n -= 1 } } }
                spawn late()
                let b = spawn busy()
                sleep(0.01)
                with lock { print(q.get()) }
                b.join()
                """);
        assertEquals("fed\n", result.out());
        assertEquals(0, result.status(), result.err());
    }

    @Test
    void fiveHundredThreads() throws IOException {
        ToyRunner.Result result = run("""
                let total = 0
                let lock = Lock()
                fn add(i) { with lock { total += i } }
                let threads = []
                for i in range(500) { threads.append(spawn add(i)) }
                for t in threads { t.join() }
                print(total, threads[499].name)
                """);
        assertEquals("124750 Thread-500\n", result.out());
    }

    @Test
    void withoutAGilContainersStaySafe() throws IOException {
        ToyRunner.Result result = run("""
                let xs = []
                let m = {}
                let q = Queue()
                fn fill(k) {
                    for i in range(20000) {
                        xs.append(i)
                        m[k * 100000 + i] = i
                        q.put(i)
                    }
                }
                let threads = []
                for k in range(4) { threads.append(spawn fill(k)) }
                for t in threads { t.join() }
                print(len(xs), len(m), q.size())
                """, "--gil", "off");
        assertEquals("80000 80000 80000\n", result.out());
    }

    @Test
    void aSortWithoutAKeyWaitsForAnotherThreadsAppendsWithoutTheGil() throws IOException {
        // No Toy code runs in it: it holds the list's lock, and no append is dropped or raised over.
        ToyRunner.Result result = run("""
                let xs = []
                let done = false
                fn fill() {
                    for i in range(20000) { xs.append(i) }
                    done = true
                }
                let t = spawn fill()
                let raised = 0
                while not done {
                    try { xs.sort() } catch e { raised += 1 }
                }
                t.join()
                print(len(xs), raised)
                """, "--gil", "off");
        assertEquals("20000 0\n", result.out());
    }

    /**
     * Without a GIL each list and map operation locks (ContainerLocks): appends, pops, puts and
     * removals of four parallel threads lose nothing and never tear. (With a GIL they do not
     * lock; StandaloneProcessTest checks that in a JVM where no --gil off ran.)
     */
    @Test
    void withoutAGilListAndMapOperationsStayAtomic() throws IOException {
        ToyRunner.Result result = run("""
                let xs = []
                let m = {}
                fn churn(k) {
                    for i in range(5000) {
                        xs.append(i)
                        m[k * 100000 + i] = i
                    }
                    for i in range(5000) {
                        xs.pop()
                        m.pop(k * 100000 + i)
                        if len(xs) > 20000 or (k * 100000 + i in m) { print("torn") }
                    }
                }
                let threads = []
                for k in range(4) { threads.append(spawn churn(k)) }
                for t in threads { t.join() }
                print(len(xs), len(m), m)
                """, "--gil", "off");
        assertEquals("0 0 {}\n", result.out(), result.err());
    }

    @Test
    void printLinesNeverInterleave() throws IOException {
        ToyRunner.Result result = run("""
                fn say(word) { for i in range(500) { print(word, word, word) } }
                let a = spawn say("aaaa")
                let b = spawn say("bbbb")
                a.join()
                b.join()
                """, "--switch-interval", "3");
        for (String line : result.out().split("\n")) {
            assertTrue(line.equals("aaaa aaaa aaaa") || line.equals("bbbb bbbb bbbb"), line);
        }
        assertEquals(1000, result.out().split("\n").length);
    }

    @Test
    void exitInAThreadEndsTheRun() throws IOException {
        ToyRunner.Result result = run("""
                fn quit() { exit(4) }
                spawn quit()
                while true { sleep(0.01) }
                """);
        assertEquals(4, result.status());
    }

    @Test
    void aLoopThatRaisesAndCatchesStillOffersTheGil() throws IOException {
        assertEquals("ok\n", run("""
                let done = false
                fn worker() { done = true }
                let t = spawn worker()
                while not done { try { raise "x" } catch e { } }
                t.join()
                print("ok")
                """, "--switch-interval", "100").out());
    }

    @Test
    void unfairStillLetsASpinningWaiterThrough() {
        ToyRunner.Result result = ToyRunner.run("run", "--gil", "unfair",
                ToyRunner.root().resolve("samples/threads/race.toy").toString());
        assertEquals(0, result.status());
        assertTrue(result.out().startsWith("expected 4000, got "), result.out());
    }

    @Test
    void switchingFromACountToADurationWakesWaiters() throws IOException {
        assertEquals("done\n", run("""
                let flag = false
                fn w() {
                    let i = 0
                    while i < 3000000 { i += 1 }
                    set_switch_interval(0.001)
                    while not flag { }
                    return "done"
                }
                let t = spawn w()
                sleep(0.01)
                flag = true
                print(t.join())
                """, "--switch-interval", "100000000").out());
    }

    @Test
    void exitInAThreadStopsASleepingMainThread() throws IOException {
        ToyRunner.Result result = run("""
                let asleep = Queue()
                fn f() {
                    asleep.get()
                    exit(3)
                }
                spawn f()
                asleep.put(1)
                sleep(60)
                print("not reached")
                exit(0)
                """);
        assertEquals(3, result.status());
        assertEquals("", result.out());
    }

    @Test
    void theRunWaitsForEveryThread() throws IOException {
        assertEquals("main done\nworker done\n", run("""
                let q = Queue()
                fn worker() { q.get(); print("worker done") }
                spawn worker()
                print("main done")
                q.put(1)
                """).out());
    }

    @Test
    void handoffAtIntervalOneAlternatesInstructionByInstruction() throws IOException {
        // Once both threads are past the barrier, each runs one instruction and hands the GIL to
        // the other, which it waits to have taken it: with the same loop, their appends alternate.
        // At most one repeat at each end: a thread may append once before the other leaves the
        // barrier, and once after the other has finished.
        String script = """
                let trace = []
                let ready = 0
                let ready_lock = Lock()
                fn spin(n) {
                    let name = current_thread().name
                    with ready_lock { ready += 1 }
                    while ready < 2 { }
                    for i in range(n) { trace.append(name) }
                }
                let t = spawn spin(300)
                spin(300)
                t.join()
                let repeats = 0
                for i in range(1, len(trace)) {
                    if trace[i] == trace[i - 1] { repeats += 1 }
                }
                print(len(trace), repeats <= 2)
                """;
        assertEquals("600 true\n", run(script, "--switch-interval", "1").out());
    }

    @Test
    void theUnfairSampleRunsUnderEveryPolicy() {
        // How often unfair hands over is the OS's choice (GilTest measures it with the GIL's own
        // counts); the sample itself must finish and report its turns under every policy.
        Path sample = ToyRunner.root().resolve("samples/threads/unfair.toy");
        for (String policy : List.of("handoff", "unfair", "off")) {
            String out = ToyRunner.run("run", "--gil", policy, sample.toString()).out();
            assertTrue(out.matches("samples: 600 turns: [0-9]+\n"), policy + ": " + out);
        }
    }

    @Test
    void countdownSamplePrintsBothTimings() {
        String out = ToyRunner.run("run", ToyRunner.root().resolve("samples/threads/countdown.toy").toString(), "200000").out();
        assertTrue(out.matches("sequential: [0-9.]+ s\n2 threads:  [0-9.]+ s\nthreads / sequential: [0-9.]+\n"), out);
    }
}
