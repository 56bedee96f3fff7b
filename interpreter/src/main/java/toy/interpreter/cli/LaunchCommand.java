package toy.interpreter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.BytecodeCache;
import toy.runtime.pool.JavaCommand;
import toy.runtime.pool.ProcessEnd;
import toy.runtime.pool.LineSplitter;

/**
 * {@code toy launch -n N [RUN OPTIONS] FILE [ARG…]} (CLI.md): N independent {@code toy run}
 * processes on one script, process k with {@code worker_index()} = k and {@code worker_count()}
 * = N. Their output lines come out prefixed {@code [k] }, each line whole; the exit status is
 * that of the lowest k whose status is non-zero, else 0. A process killed by a signal, which
 * cannot say so itself, is reported in a line of launch's own. The processes ignore the terminal's
 * Ctrl-C and end with this one, because their stdin is a pipe from it that closes when it ends.
 */
final class LaunchCommand implements Callable<Integer> {
    private final Console console;
    private final CommandSpec spec;

    /** The processes started, in order of k. */
    private final List<Process> processes = new ArrayList<>();
    /** Set when a write to standard output failed (its reader went away, a full disk). */
    private volatile boolean outputFailed;
    /** Set when launch itself stops the processes: their deaths by its signal are not news. */
    private volatile boolean stopping;

    LaunchCommand(Console console) {
        this.console = console;
        spec = Main.command(this, "launch", "Run N independent processes on the same script at once.");
        spec.addOption(OptionSpec.builder("-n").required(true).paramLabel("N").type(int.class)
                .description("How many processes to start (at least 1).").build());
        RunOptions.addTo(spec);
        ObservabilityOptions.addTo(spec);
        ScriptParameters.addTo(spec, "The script every process runs.", "Arguments each process reads with args().");
    }

    /** This command's model, for {@link Main} to add to the command line. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws InterruptedException {
        int count = spec.findOption("-n").getValue();
        RunOptions options = RunOptions.of(spec);
        ObservabilityOptions observability = new ObservabilityOptions(spec);
        String file = ScriptParameters.file(spec);
        List<String> args = ScriptParameters.args(spec);
        String problem = options.problem();
        if (problem == null && (count < 1 || count > 4096)) {
            problem = "toy: launch -n must be between 1 and 4096, not " + count;
        }
        if (problem == null && options.launched()) {
            problem = "toy: launch does not take --launch-index or --launch-count";
        }
        if (problem == null) {
            // Checked once here, for every process, rather than by each process for itself.
            problem = observability.launchProblem(file, count);
        }
        if (problem != null) {
            console.err().println(problem);
            return ExitStatus.USAGE;
        }
        // Compiled here first: a compile error is the same in every process, so it is reported
        // once, unprefixed, as toy run reports it, and no process starts. Through the bytecode
        // cache, as toy run compiles: the processes then find the script compiled.
        try {
            BytecodeCache.forThisBuild().compile(ScriptFile.read(file), new Globals());
        } catch (ScriptFile.Unreadable e) {
            console.err().println(e.getMessage());
            return e.status;
        } catch (CompileException e) {
            console.err().print(e.report());
            return ExitStatus.COMPILE_ERROR;
        }
        String script = JavaCommand.scriptForAnotherProcess(file);
        if (script == null) {
            console.err().println("toy: launch needs a script file, which each process reads; "
                    + JavaCommand.notForAnotherProcess(file));
            return ExitStatus.NO_INPUT;
        }
        List<Thread> relays = new ArrayList<>();
        try {
            for (int k = 0; k < count; k++) {
                // Process k: run, its identity, the run options, the observability options with
                // every output file renamed for k, --, the script (-- lets its name start with -)
                // and its arguments.
                List<String> arguments = new ArrayList<>(List.of("run", "--launch-index", Integer.toString(k),
                        "--launch-count", Integer.toString(count)));
                arguments.addAll(options.arguments());
                arguments.addAll(observability.arguments(k));
                arguments.add("--");
                arguments.add(script);
                arguments.addAll(args);
                Process process = new ProcessBuilder(JavaCommand.of(JavaCommand.RUN_FLAGS, Main.class.getName(),
                        arguments)).start();
                processes.add(process);
                int index = k;
                relays.add(relay(process.getInputStream(), k, console.out(), () -> { }));
                relays.add(relay(process.getErrorStream(), k, console.err(), () -> reportSignal(process, index)));
            }
        } catch (IOException e) {
            stopping = true;
            processes.forEach(Process::destroyForcibly);
            console.err().println("toy: launch: cannot start process " + processes.size() + ": " + e.getMessage());
            return ExitStatus.RUNTIME_ERROR;
        }
        int status = 0;
        for (Process process : processes) {
            int s = process.waitFor();
            if (status == 0) {
                status = s;
            }
        }
        for (Thread relay : relays) {
            relay.join();
        }
        return status;
    }

    /**
     * After process k's last stderr line: "toy: launch: process 1 was killed by SIGKILL (status
     * 137)" when a signal ended it (kill -9, the kernel's OOM killer), unless launch stopped it.
     */
    private void reportSignal(Process process, int k) {
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            return;
        }
        String signal = ProcessEnd.signal(status);
        if (signal != null && !stopping) {
            console.err().println("toy: launch: process " + k + " was killed by " + signal + " (status " + status + ")");
        }
    }

    /**
     * Copies a child's stream to ours line by line, each line prefixed "[k] " and written whole,
     * then runs {@code atEnd}. When a write to our standard output fails (its reader has gone
     * away, {@code | head}; a full disk), every process is stopped, and launch ends with the
     * status and report of {@code toy run} ({@link toy.interpreter.vm.StandardOutput#finish}).
     */
    private Thread relay(InputStream in, int k, PrintStream to, Runnable atEnd) {
        Thread thread = new Thread(() -> {
            byte[] prefix = ("[" + k + "] ").getBytes(StandardCharsets.UTF_8);
            LineSplitter lines = new LineSplitter(line -> {
                synchronized (to) {
                    to.write(prefix, 0, prefix.length);
                    to.write(line, 0, line.length);
                    to.write('\n');
                    // checkError() flushes first: a write that failed is seen at once.
                    if (to.checkError() && to == console.out() && !outputFailed) {
                        outputFailed = true;
                        stopping = true;
                        processes.forEach(Process::destroy);
                    }
                }
            });
            try (in; OutputStream sink = lines) {
                in.transferTo(sink);
            } catch (IOException e) {
                // The child is gone; what it wrote has been passed on.
            }
            atEnd.run();
        }, "launch-relay-" + k);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
