package toy.runtime.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import toy.runtime.Arity;
import toy.runtime.Iteration;
import toy.runtime.HasMethods;
import toy.runtime.MethodTable;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.ToyIterator;
import toy.runtime.ToyList;
import toy.runtime.ToyObject;
import toy.runtime.threads.Scheduler;
import toy.runtime.threads.ThreadState;

/**
 * A pool of worker processes (LANGUAGE.md section 8), each a separate interpreter JVM with its
 * own GIL, talking to this process over its stdin and stdout ({@link Channel}). Like Python's
 * {@code concurrent.futures.ProcessPoolExecutor}: tasks wait in a queue here and go to the
 * least busy ready worker, each worker holding at most {@link #WINDOW} at a time (a task
 * held behind another is asked back for a worker with nothing to do); one reader
 * thread per worker relays its output lines, completes futures and notices its end. A worker
 * that ends fails the task it was running with {@code WorkerError} and is replaced, and the
 * tasks it had been sent but not begun go to the replacement; one that ends before it is ready
 * (its top-level code failed) fails the pool instead, since a replacement would fail the same
 * way.
 *
 * <p>Lock order: the pool's lock is never held while waking waiters through the scheduler,
 * and the conditions waiters test read only volatile or atomic fields.
 */
public final class Pool implements ToyObject, HasMethods {
    /**
     * Tasks a worker is sent before it has answered the first: 2 lets it start the next task
     * while the parent reads the last reply, without piling work onto one worker while another
     * could take it ({@link #pump}).
     */
    static final int WINDOW = 2;
    private static final MethodTable<Pool> METHODS = new MethodTable<Pool>()
            .add("submit", Arity.takes("Pool.submit", 1, -1), (pool, args) -> {
                Object[] rest = new Object[args.length - 1];
                System.arraycopy(args, 1, rest, 0, rest.length);
                return pool.submit(args[0], rest);
            })
            .add("map", Arity.takes("Pool.map", 2, 2), (pool, args) -> pool.map(args[0], args[1]))
            .add("shutdown", Arity.takes("Pool.shutdown", 0, 0), (pool, args) -> {
                pool.shutdown();
                return Nil.NIL;
            });
    /** How long a worker whose stdin closed may take to exit before it is killed (it exits at once unless stuck). */
    private static final long EXIT_GRACE_SECONDS = 10;
    /**
     * How long {@link #stop} lets the workers end by themselves, in ms: a worker ends within
     * milliseconds of its stdin closing, unless its JVM is still starting (about 0.1 s) or stuck.
     */
    private static final long STOP_GRACE_MILLIS = 2_000;

    /** What a pool needs from the program that makes it. */
    public interface Host {
        /** The worker's command line: java, flags, class path, worker main, options, script, arguments. */
        List<String> workerCommand(int index, int count);

        /** Writes one line of the program's stdout (a worker's print), whole. */
        void out(String line);

        /** Writes one line of the program's stderr, whole. */
        void err(String line);

        /** The name under which a worker finds {@code function}; TypeError unless it is a top-level function. */
        String functionName(Object function);

        Scheduler scheduler();

        PoolActivity activity();
    }

    private final Host host;
    private final Scheduler scheduler;
    private final int size;
    private final int number;
    private final Worker[] workers;
    private final ArrayDeque<Task> pending = new ArrayDeque<>();
    private final AtomicLong nextId = new AtomicLong();
    /** Tasks submitted and not yet finished; shutdown waits for 0. */
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile int readyWorkers;
    private volatile int endedWorkers;
    /** Set when a worker could not get ready: Pool() raises it, and later submits do. */
    private volatile ToyError broken;
    /** No more submits (shutdown() or stop() was called). */
    private boolean shutdown;
    /**
     * The workers are being stopped: one that ends is not replaced. Until then a pool that was
     * shut down still replaces a worker, for the tasks it still owes.
     */
    private boolean stopping;

    /** One task: the message that carries it, its future, and the map() call it belongs to (null for none). */
    private static final class Task {
        final long id;
        final String function;
        final Bytes message;
        final ToyFuture future;
        final AtomicInteger batch;
        long sentNanos;
        /** Asked back from the worker it was sent to ({@link #recallForIdleWorkers}), no answer yet. Under the lock. */
        boolean recalled;

        Task(long id, String function, Bytes message, ToyFuture future, AtomicInteger batch) {
            this.id = id;
            this.function = function;
            this.message = message;
            this.future = future;
            this.batch = batch;
        }
    }

    /** One worker process and what it holds. Fields other than the final ones are guarded by the pool's lock. */
    private final class Worker {
        final int index;
        final Process process;
        final Channel channel;
        final Map<Long, Task> running = new LinkedHashMap<>();
        /** Reads the channel: every message, then the worker's end ({@link #read}). */
        final Thread reader;
        final Thread stderrRelay;
        boolean ready;
        boolean ended;
        /** Its top-level code's error, from a FAILED message. */
        ToyError startupError;
        volatile String lastStderrLine;

        Worker(int index, Process process) {
            this.index = index;
            this.process = process;
            this.channel = new Channel(process.getInputStream(), process.getOutputStream());
            this.reader = new Thread(() -> read(this), "pool-" + number + "-worker-" + index);
            this.stderrRelay = new Thread(this::relayStderr, "pool-" + number + "-worker-" + index + "-stderr");
        }

        String name() {
            return "Pool worker " + index;
        }

        /** The JVM's own messages (a crash, running out of memory): Toy's stderr travels over the channel. */
        private void relayStderr() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lastStderrLine = line;
                    host.err(line);
                }
            } catch (IOException e) {
                // The process is gone; its end is reported by the reader.
            }
        }
    }

    /**
     * Starts {@code size} workers and returns once every one is ready, waiting with the GIL
     * released. Raises the error of a worker whose top-level code failed, or WorkerError for
     * one that could not start or ended first.
     */
    public Pool(Host host, int size) {
        if (size < 1) {
            throw ToyError.valueError("a Pool needs at least 1 worker, not " + size);
        }
        this.host = host;
        this.scheduler = host.scheduler();
        this.size = size;
        this.number = host.activity().newPool(size);
        this.workers = new Worker[size];
        try {
            synchronized (this) {
                for (int i = 0; i < size; i++) {
                    workers[i] = start(i);
                }
            }
            scheduler.awaitOutside(ThreadState.current(), "wait for Pool workers to start", Scheduler.FOREVER,
                    () -> readyWorkers == size || broken != null);
        } catch (RuntimeException e) {
            stop(ThreadState.current());
            throw e;
        }
        if (broken != null) {
            stop(ThreadState.current());
            throw broken;
        }
    }

    /** Starts worker {@code index} and its reader threads; WorkerError if the process cannot start. Under the lock. */
    private Worker start(int index) {
        Process process;
        try {
            process = new ProcessBuilder(host.workerCommand(index, size)).start();
        } catch (IOException e) {
            throw workerError("cannot start Pool worker " + index + ": " + e.getMessage());
        }
        Worker w = new Worker(index, process);
        w.reader.setDaemon(true);
        w.stderrRelay.setDaemon(true);
        w.stderrRelay.start();
        w.reader.start();
        return w;
    }

    private static ToyError workerError(String message) {
        return new ToyError("WorkerError", message);
    }

    /** The reader thread of one worker: every message it sends, then its end. */
    private void read(Worker w) {
        String broke = null;
        try {
            for (Channel.Message m = w.channel.receive(); m != null; m = w.channel.receive()) {
                host.activity().bytes(number, w.index, 0, m.size());
                handle(w, m);
            }
        } catch (Codec.Malformed e) {
            broke = "sent a broken message (" + e.getMessage() + ")";
        } catch (IOException e) {
            broke = "could not be read from (" + e.getMessage() + ")";
        } catch (RuntimeException e) {
            // A bug in Toy itself: end this worker like a broken one rather than leave its futures waiting.
            broke = "could not be served (" + e + "; this is a bug in Toy)";
        }
        ended(w, broke);
    }

    private void handle(Worker w, Channel.Message m) throws Codec.Malformed {
        Bytes.Reader body = m.body();
        switch (m.kind()) {
            case READY -> {
                body.end();
                synchronized (this) {
                    w.ready = true;
                    readyWorkers++;
                    pump();
                }
                scheduler.changed();
            }
            case OUT -> host.out(lastString(body));
            case ERR -> host.err(lastString(body));
            case RESULT, ERROR -> {
                long id = body.readLong();
                long busy = body.readLong();
                Object value = null;
                String kind = null;
                String message = null;
                String report = null;
                if (m.kind() == Channel.Kind.RESULT) {
                    value = Codec.decode(body);
                } else {
                    kind = body.readString();
                    message = body.readString();
                    report = body.readString();
                }
                body.end();
                long received = System.nanoTime();
                Task task;
                synchronized (this) {
                    task = w.running.remove(id);
                    if (task == null) {
                        throw new Codec.Malformed("a reply to task " + id + ", which it was not running");
                    }
                    pump();
                }
                host.activity().taskDone(number, w.index, task.function, task.sentNanos, received, busy);
                if (kind == null) {
                    task.future.succeed(value);
                } else {
                    task.future.fail(kind, message, report);
                }
                finished(task);
            }
            case FAILED -> {
                String kind = body.readString();
                String message = body.readString();
                String report = body.readString();
                body.end();
                synchronized (this) {
                    w.startupError = new ToyError(kind, message).causedBy(report);
                }
            }
            case RECALLED -> {
                long id = body.readLong();
                int givenBack = body.readByte();
                body.end();
                if (givenBack != 0 && givenBack != 1) {
                    throw new Codec.Malformed("a recall answered with " + givenBack);
                }
                synchronized (this) {
                    Task task = givenBack == 1 ? w.running.remove(id) : w.running.get(id);
                    if (task == null && givenBack == 1) {
                        throw new Codec.Malformed("task " + id + " given back, which it was not holding");
                    }
                    host.activity().recallAnswered(number, w.index, givenBack == 1);
                    if (task != null) {
                        // Given back: it goes first. Begun already: its result comes as usual
                        // (or came: then it is gone), and another held task may be asked back.
                        task.recalled = false;
                        if (givenBack == 1) {
                            pending.addFirst(task);
                        }
                    }
                    pump();
                }
            }
            case TASK, RECALL -> throw new Codec.Malformed("a " + m.kind() + " message sent to the parent");
        }
    }

    private static String lastString(Bytes.Reader body) throws Codec.Malformed {
        String s = body.readString();
        body.end();
        return s;
    }

    private void finished(Task task) {
        unfinished.decrementAndGet();
        if (task.batch != null) {
            task.batch.decrementAndGet();
        }
        scheduler.changed();
    }

    /**
     * A worker's channel ended (it exited, was killed, or sent garbage and is killed now): fail
     * what it was running and start a replacement, or, if it never got ready, fail the pool.
     */
    private void ended(Worker w, String broke) {
        if (broke != null) {
            w.process.destroyForcibly();
        }
        w.channel.closeOutput();
        int status = exitStatus(w.process);
        try {
            w.stderrRelay.join(TimeUnit.SECONDS.toMillis(EXIT_GRACE_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String how = broke != null ? broke : howItEnded(status, w.lastStderrLine);
        // The worker runs its tasks in the order sent: the first it holds was running, the rest had not begun.
        Task current = null;
        List<Task> unstarted = new ArrayList<>();
        List<Task> orphaned = new ArrayList<>();
        ToyError failure;
        synchronized (this) {
            w.ended = true;
            endedWorkers++;
            for (Task task : w.running.values()) {
                if (current == null) {
                    current = task;
                } else {
                    task.recalled = false;
                    unstarted.add(task);
                }
            }
            w.running.clear();
            if (!w.ready && !stopping) {
                broken = w.startupError != null ? w.startupError : workerError(w.name() + " " + how + " before it was ready");
            } else if (!stopping && broken == null) {
                try {
                    workers[w.index] = start(w.index);
                    host.activity().replaced(number, w.index);
                    endedWorkers--;
                    for (int i = unstarted.size() - 1; i >= 0; i--) {
                        pending.addFirst(unstarted.get(i));
                    }
                    unstarted.clear();
                } catch (ToyError e) {
                    broken = e;
                }
            }
            orphaned.addAll(unstarted);
            if (broken != null) {
                orphaned.addAll(pending);
                pending.clear();
            }
            failure = broken;
        }
        if (current != null) {
            current.future.fail("WorkerError", w.name() + " " + how + " while running " + current.function + "()", "");
            finished(current);
        }
        for (Task task : orphaned) {
            if (failure != null) {
                task.future.fail(failure.kind(), failure.errorMessage(), "");
            } else {
                task.future.fail("WorkerError", w.name() + " " + how + " before it could run " + task.function + "()", "");
            }
            finished(task);
        }
        scheduler.changed();
    }

    private static int exitStatus(Process process) {
        try {
            if (!process.waitFor(EXIT_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** "exited with status 3 (Terminating due to java.lang.OutOfMemoryError: Java heap space)", "was killed by SIGKILL". */
    static String howItEnded(int status, String lastStderrLine) {
        String signal = ProcessEnd.signal(status);
        if (signal != null) {
            return "was killed by " + signal;
        }
        String how = "exited with status " + status;
        return status != 0 && lastStderrLine != null ? how + " (" + lastStderrLine + ")" : how;
    }

    /**
     * Sends pending tasks to the least busy ready workers. A busy worker gets a second one only
     * while more tasks wait than there are workers: the last few then wait in the parent for
     * whichever worker frees first, as in a pool whose workers share one queue, rather than
     * behind a long task; and once none waits here, a task waiting in a busy worker's window is
     * asked back for a worker that has nothing to do ({@link #recallForIdleWorkers}). Under the lock.
     */
    private void pump() {
        while (!pending.isEmpty()) {
            Worker best = null;
            int serving = 0;
            for (Worker w : workers) {
                if (serves(w)) {
                    serving++;
                    if (w.running.size() < WINDOW && (best == null || w.running.size() < best.running.size())) {
                        best = w;
                    }
                }
            }
            if (best == null || !best.running.isEmpty() && pending.size() <= serving) {
                return;
            }
            Task task = pending.poll();
            best.running.put(task.id, task);
            task.sentNanos = System.nanoTime();
            try {
                int bytes = best.channel.send(Channel.Kind.TASK, task.message);
                host.activity().bytes(number, best.index, bytes, 0);
            } catch (IOException e) {
                // The worker is going away; its reader reports the end and fails this task.
            }
        }
        recallForIdleWorkers();
    }

    /**
     * For each ready worker with nothing to do, asks a busy worker for the task it holds behind
     * the one it is running, which would otherwise wait for that one to end: behind a long
     * task for long, behind one that never ends for ever, while a worker is free (as with
     * Python's pools, whose workers take tasks from one queue). The worker answers ({@code
     * RECALLED}) whether it gives the task back, which then goes to the front of the queue here,
     * or has begun it, whose result then comes as usual. Under the lock.
     */
    private void recallForIdleWorkers() {
        int idle = 0;
        for (Worker w : workers) {
            idle += serves(w) && w.running.isEmpty() ? 1 : 0;
        }
        if (idle == 0) {
            return;
        }
        int underWay = 0;
        for (Worker w : workers) {
            if (serves(w)) {
                for (Task task : w.running.values()) {
                    underWay += task.recalled ? 1 : 0;
                }
            }
        }
        for (Worker w : workers) {
            if (underWay >= idle) {
                return;
            }
            if (serves(w) && w.running.size() > 1) {
                Task waiting = null;
                for (Task task : w.running.values()) {
                    waiting = task; // the last sent, which runs last
                }
                if (!waiting.recalled) {
                    waiting.recalled = true;
                    underWay++;
                    Bytes body = new Bytes();
                    body.writeLong(waiting.id);
                    try {
                        host.activity().bytes(number, w.index, w.channel.send(Channel.Kind.RECALL, body), 0);
                    } catch (IOException e) {
                        // The worker is going away; its reader reports the end and sends this task elsewhere.
                    }
                }
            }
        }
    }

    /** Whether slot w holds a worker that is ready for tasks and has not ended. Under the lock. */
    private static boolean serves(Worker w) {
        return w != null && w.ready && !w.ended;
    }

    /** {@code pool.submit(f, args…)}: a Future of f(args…) run by a worker. */
    public ToyFuture submit(Object function, Object[] args) {
        String name = host.functionName(function);
        Task task = task(name, args, null);
        enqueue(List.of(task));
        return task.future;
    }

    /**
     * {@code pool.map(f, xs)}: the list of f(x) for each x of any iterable, in order, computed
     * by the workers; raises the error of the first x (in order) whose call failed. Every
     * argument is checked before any task is sent.
     */
    public ToyList map(Object function, Object iterable) {
        String name = host.functionName(function);
        List<Object> items = new ArrayList<>();
        for (ToyIterator it = Iteration.iterator(iterable); it.hasNext();) {
            items.add(it.next());
        }
        AtomicInteger remaining = new AtomicInteger(items.size());
        List<Task> tasks = new ArrayList<>(items.size());
        for (Object item : items) {
            tasks.add(task(name, new Object[] {item}, remaining));
        }
        enqueue(tasks);
        scheduler.awaitOutside(ThreadState.current(), "wait for " + name + "() over " + items.size() + " items in a Pool", Scheduler.FOREVER,
                () -> remaining.get() == 0);
        ToyList results = new ToyList();
        for (Task task : tasks) {
            results.add(task.future.result(-1));
        }
        return results;
    }

    /** Encodes a task's message; TypeError for an argument that cannot be sent. */
    private Task task(String function, Object[] args, AtomicInteger batch) {
        long id = nextId.incrementAndGet();
        Bytes message = new Bytes();
        message.writeLong(id);
        message.writeString(function);
        Codec.encodeArguments(args, message);
        return new Task(id, function, message, new ToyFuture(scheduler, function + "() in a Pool"), batch);
    }

    private void enqueue(List<Task> tasks) {
        synchronized (this) {
            if (shutdown) {
                throw new ToyError("RuntimeError", "cannot submit work to a Pool after its shutdown()");
            }
            if (broken != null) {
                throw workerError("the Pool cannot run tasks: " + broken.str());
            }
            unfinished.addAndGet(tasks.size());
            pending.addAll(tasks);
            pump();
        }
    }

    /**
     * {@code pool.shutdown()}: waits (GIL released) for every submitted task, then closes the
     * workers' stdin and waits for them to exit. Calling it again does nothing.
     */
    public void shutdown() {
        synchronized (this) {
            shutdown = true;
        }
        ThreadState me = ThreadState.current();
        scheduler.awaitOutside(me, "wait for the Pool's tasks to finish", Scheduler.FOREVER, () -> unfinished.get() == 0);
        synchronized (this) {
            stopping = true;
            for (Worker w : workers) {
                w.channel.closeOutput();
            }
        }
        scheduler.awaitOutside(me, "wait for the Pool's workers to exit", Scheduler.FOREVER, () -> endedWorkers == size);
    }

    /**
     * Ends every worker now, whatever it is doing, and waits for the processes to be gone: for
     * a run that ends with an error, exit() or a deadlock. A worker ends as soon as its stdin
     * closes, after sending the line it left without a newline; one still there after
     * {@link #STOP_GRACE_MILLIS} (its JVM still starting, or stuck) is killed. Returns once what
     * the workers sent has been handed on. Safe to call more than once.
     */
    public void stop() {
        stop(null);
    }

    /**
     * {@link #stop()}; with me, the Toy thread whose Pool() failed, waiting for the workers to end
     * with the GIL released, so that its other threads run meanwhile. An interrupt ends the
     * waiting: the workers are then killed at once.
     */
    private void stop(ThreadState me) {
        List<Worker> all = new ArrayList<>();
        synchronized (this) {
            shutdown = true;
            stopping = true;
            for (Worker w : workers) {
                if (w != null) {
                    all.add(w);
                }
            }
        }
        for (Worker w : all) {
            w.channel.closeOutput();
        }
        boolean interrupted = false;
        try {
            long graceNanos = TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS);
            if (me != null) {
                // Each reader calls scheduler.changed() once its worker's process has ended.
                scheduler.awaitOutside(me, "wait for the Pool's workers to end", graceNanos,
                        () -> all.stream().noneMatch(w -> w.process.isAlive()));
            } else {
                long deadline = System.nanoTime() + graceNanos;
                for (Worker w : all) {
                    w.process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            for (Worker w : all) {
                w.process.destroyForcibly();
            }
            for (Worker w : all) {
                exitStatus(w.process);
                try {
                    // The channel ends with the process: its reader hands on the last messages, then returns.
                    w.reader.join(TimeUnit.SECONDS.toMillis(EXIT_GRACE_SECONDS));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True once shutdown() or stop() was called. */
    public synchronized boolean isShutDown() {
        return shutdown;
    }

    @Override
    public MethodTable<?> methods() {
        return METHODS;
    }

    @Override
    public String typeName() {
        return "Pool";
    }

    @Override
    public String str() {
        return "<Pool of " + size + (size == 1 ? " worker>" : " workers>");
    }
}
