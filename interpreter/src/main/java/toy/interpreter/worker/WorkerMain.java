package toy.interpreter.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.cli.ScriptFile;
import toy.interpreter.compiler.BytecodeCache;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.SourceFile;
import toy.interpreter.vm.Function;
import toy.interpreter.vm.Vm;
import toy.runtime.ToyError;
import toy.runtime.pool.Bytes;
import toy.runtime.pool.Channel;
import toy.runtime.pool.Codec;
import toy.runtime.pool.LineSplitter;
import toy.runtime.pool.ProcessRole;
import toy.runtime.threads.Aborted;
import toy.runtime.threads.Scheduler;
import toy.runtime.threads.ThreadState;

/**
 * A pool worker: the main class of the JVM a {@link toy.runtime.pool.Pool} starts. It runs the
 * script's top-level code with {@code is_main()} false, says READY, then runs the tasks that
 * arrive on stdin on its MainThread, one at a time, and sends each result or error back on
 * stdout ({@link Channel}). Its prints travel as messages. Its parent starts it with the
 * terminal's SIGINT ignored ({@link ParentWatch}), and it ends as soon as its stdin closes: its
 * parent shut it down, or died.
 *
 * <p>Its command line, written by the parent: {@code --worker-index K --worker-count N}, the
 * run options as {@link Vm.Options#arguments()} writes them, the script, its arguments.
 */
public final class WorkerMain implements Vm.Service {
    /** The status of a command line that no parent wrote (EX_USAGE). */
    private static final int USAGE = 2;

    private final Channel channel;
    private final int index;
    private final String file;
    private final Vm.Options options;
    private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
    private Vm vm;
    /** The script's print and its stderr, each line one message. */
    private PrintStream stdout;
    private PrintStream stderr;

    private record Task(long id, String function, Object[] args) {
    }

    private WorkerMain(Channel channel, int index, String file, Vm.Options options) {
        this.channel = channel;
        this.index = index;
        this.file = file;
        this.options = options;
    }

    public static void main(String[] argv) {
        Channel channel = new Channel(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16),
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        // Whatever else writes to System.out (the JVM, a library) would corrupt the channel; the parent relays stderr.
        System.setOut(System.err);
        WorkerMain worker;
        try {
            worker = fromCommandLine(channel, List.of(argv));
        } catch (IllegalArgumentException e) {
            System.err.println("toy: a Pool worker's command line is written by its parent: " + e.getMessage());
            Runtime.getRuntime().halt(USAGE);
            return;
        }
        int status;
        try {
            status = worker.run();
        } catch (IOException e) {
            status = ParentWatch.ORPHANED;
        } catch (RuntimeException | Error e) {
            // A bug in Toy: one line on stderr, which the parent relays, never a Java stack trace.
            System.err.println(Aborted.internalError(" in Pool worker " + worker.index, e));
            status = Aborted.ERROR_STATUS;
        }
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    private static WorkerMain fromCommandLine(Channel channel, List<String> argv) {
        if (argv.size() < 11 || !argv.get(0).equals("--worker-index") || !argv.get(2).equals("--worker-count")) {
            throw new IllegalArgumentException("expected --worker-index K --worker-count N, run options, FILE, ARG...");
        }
        int index;
        int count;
        try {
            index = Integer.parseInt(argv.get(1));
            count = Integer.parseInt(argv.get(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a worker index or count: " + argv.subList(0, 4));
        }
        Vm.Options options = Vm.Options.parse(argv.subList(4, 10), argv.subList(11, argv.size()),
                ProcessRole.worker(index, count));
        return new WorkerMain(channel, index, argv.get(10), options);
    }

    private int run() throws IOException {
        SourceFile source;
        try {
            source = ScriptFile.read(file);
        } catch (ScriptFile.Unreadable e) {
            // Its message is the command line's ("toy: can't open file ..."); the parent's error names the worker.
            return failed("WorkerError", "Pool worker " + index + " cannot read its script: "
                    + e.getMessage().replaceFirst("^toy: ", ""), "", e.status);
        }
        stdout = new PrintStream(lines(Channel.Kind.OUT), false, StandardCharsets.UTF_8);
        stderr = new PrintStream(lines(Channel.Kind.ERR), true, StandardCharsets.UTF_8);
        Globals globals = new Globals();
        vm = new Vm(globals, stdout, stderr, false, options);
        // Reading stdin from the start, not from the first task on: a parent that dies while the
        // top level still runs (Ctrl-C during Pool(n), SIGKILL) ends this worker all the same.
        Thread reader = new Thread(this::receiveTasks, "task-reader");
        reader.setDaemon(true);
        reader.start();
        int status;
        try {
            status = vm.run(BytecodeCache.forThisBuild().compile(source, globals), this);
        } catch (CompileException e) {
            return failed("WorkerError", "Pool worker " + index + " cannot compile " + file + " (was it changed after the program started?)",
                    e.report(), 65);
        }
        closeOutput();
        return status;
    }

    /** Closes the script's stdout and stderr, which sends a last line left without a newline. */
    private void closeOutput() {
        stdout.close();
        stderr.close();
    }

    /** The script's stdout or stderr: each complete line one message, so the parent prints it whole. */
    private LineSplitter lines(Channel.Kind kind) {
        return new LineSplitter(line -> {
            Bytes body = new Bytes();
            body.writeString(new String(line, StandardCharsets.UTF_8));
            send(kind, body);
        });
    }

    private int failed(String kind, String message, String report, int status) throws IOException {
        Bytes body = new Bytes();
        body.writeString(kind);
        body.writeString(message);
        body.writeString(report);
        channel.send(Channel.Kind.FAILED, body);
        return status;
    }

    /** The top-level code raised an error: the parent raises it from Pool(), and this worker ends. */
    @Override
    public void failed(ToyError error) {
        // What the top level printed without a newline goes first, as it would under toy run.
        closeOutput();
        try {
            failed(error.kind(), error.errorMessage(), error.formatTraceback(), Aborted.ERROR_STATUS);
        } catch (IOException e) {
            // The parent is gone.
        }
        Runtime.getRuntime().halt(Aborted.ERROR_STATUS);
    }

    @Override
    public void serve(BiFunction<Object, Object[], Object> call) {
        send(Channel.Kind.READY, new Bytes());
        ThreadState me = ThreadState.current();
        Scheduler scheduler = vm.scheduler();
        for (;;) {
            // Taken and tested in one step: a RECALL may take the task away after the wait saw it.
            Task task;
            while ((task = tasks.poll()) == null) {
                scheduler.awaitOutside(me, "wait for a task from the parent", Scheduler.FOREVER, () -> !tasks.isEmpty());
            }
            run(task, call);
        }
    }

    /** Runs one task on MainThread and sends its result, or its error with the worker's traceback. */
    private void run(Task task, BiFunction<Object, Object[], Object> call) {
        long start = System.nanoTime();
        Bytes reply = new Bytes();
        reply.writeLong(task.id);
        try {
            Object function = vm.globals().get(task.function);
            if (!(function instanceof Function)) {
                throw new ToyError("NameError", "no function '" + task.function + "' in Pool worker " + index
                        + " (is it declared under `if is_main()`?)");
            }
            Object result = call.apply(function, task.args);
            reply.writeLong(System.nanoTime() - start);
            Codec.encode(result, reply);
            send(Channel.Kind.RESULT, reply);
        } catch (ToyError e) {
            reply = new Bytes();
            reply.writeLong(task.id);
            reply.writeLong(System.nanoTime() - start);
            reply.writeString(e.kind());
            reply.writeString(e.errorMessage());
            reply.writeString(e.formatTraceback());
            send(Channel.Kind.ERROR, reply);
        }
    }

    private void send(Channel.Kind kind, Bytes body) {
        try {
            channel.send(kind, body);
        } catch (IOException e) {
            // The parent closed the channel: it is gone, and so is this worker's reason to run.
            Runtime.getRuntime().halt(ParentWatch.ORPHANED);
        }
    }

    /**
     * RECALL: the parent asks back a task it sent. The answer (RECALLED) says whether it is given
     * back, or MainThread has taken it from the queue already, in which case its result comes
     * as usual (perhaps before this answer).
     */
    private void recall(Bytes.Reader body) throws Codec.Malformed {
        long id = body.readLong();
        body.end();
        boolean givenBack = tasks.removeIf(task -> task.id == id);
        Bytes reply = new Bytes();
        reply.writeLong(id);
        reply.writeByte(givenBack ? 1 : 0);
        send(Channel.Kind.RECALLED, reply);
    }

    /**
     * The stdin reader: queues each task for MainThread; the end of stdin ends the worker, after
     * sending a last line that has no newline yet (a {@code print(x, end="")}), as {@code toy
     * run} prints it at its end.
     */
    private void receiveTasks() {
        try {
            for (Channel.Message m = channel.receive(); m != null; m = channel.receive()) {
                if (m.kind() == Channel.Kind.RECALL) {
                    recall(m.body());
                    continue;
                }
                if (m.kind() != Channel.Kind.TASK) {
                    throw new Codec.Malformed("a " + m.kind() + " message sent to a worker");
                }
                Bytes.Reader body = m.body();
                long id = body.readLong();
                String function = body.readString();
                Object[] arguments = Codec.decodeArguments(body);
                body.end();
                tasks.add(new Task(id, function, arguments));
                vm.scheduler().changed();
            }
        } catch (IOException | Codec.Malformed e) {
            System.err.println("toy: Pool worker " + index + ": broken channel from the parent: " + e.getMessage());
            Runtime.getRuntime().halt(Aborted.ERROR_STATUS);
        }
        closeOutput();
        Runtime.getRuntime().halt(0);
    }
}
