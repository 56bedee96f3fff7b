package toy.runtime.pool;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command line that starts another JVM of this same installation: the running JVM's own
 * {@code java} (from {@code java.home}, no PATH lookup) with the running class path, so that a
 * worker runs exactly the Toy its parent runs.
 */
public final class JavaCommand {
    /**
     * HotSpot's compile thresholds at a tenth for the classes Toy's JIT makes (its hidden
     * classes {@code toy.interpreter.vm.Compiled_*}), and for them alone: their code leaves
     * HotSpot's bytecode interpreter and C1's profiling code for C2 sooner. Measured on the
     * eight programs of {@code samples/bench/programs}, 11 fresh processes each, alternating
     * (docs/speed.md, "HotSpot's thresholds for compiled Toy code"). {@code quiet} first, or
     * HotSpot prints the command on stdout, which is the program's output in a {@code toy
     * launch} process (a worker sends the JVM's output to stderr anyway).
     */
    public static final List<String> JIT_FLAGS = List.of("-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling,toy.interpreter.vm.Compiled_*::*,0.1");

    /**
     * The heap limit of every Toy process: {@code -Xmx} from {@code TOY_HEAP} (inherited from the
     * parent's environment), else 2 GiB, as {@code ./toy} gives the process it starts
     * (docs/cli.md, "Memory"), so that a worker or a launched process has the limit its user set
     * rather than the JVM's default of a quarter of the machine's memory.
     */
    static final String HEAP_FLAG;

    static {
        String heap = System.getenv("TOY_HEAP");
        // Unset or empty: 2g, as the launcher's ${TOY_HEAP:-2g}.
        HEAP_FLAG = "-Xmx" + (heap == null || heap.isEmpty() ? "2g" : heap);
    }

    /**
     * Flags of a pool worker, chosen by measurement (docs/processes.md, "What a worker costs"):
     * the serial collector, 16 MB thread stacks and heap limit of {@code ./toy}, and tiered
     * compilation (C1 first), as there: a worker runs the script's top level and its first
     * tasks cold, which C2 alone leaves to the bytecode interpreter; the JVM's own warnings on stderr, where the
     * parent relays them, instead of stdout, the channel (its other messages too, such as the
     * one of running out of memory); an exit, not a half-dead JVM, when the heap runs out;
     * and {@link #JIT_FLAGS}.
     */
    public static final List<String> WORKER_FLAGS = Stream.concat(
            Stream.of("-XX:+UseSerialGC", "-Xss16m", HEAP_FLAG, "-XX:+ExitOnOutOfMemoryError", "-XX:-DontCompileHugeMethods",
                    "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr"),
            JIT_FLAGS.stream()).toList();

    /**
     * The JVM's own log of a process running a program: its errors only, on stderr. By default
     * the JVM writes its warnings to stdout, the program's output, where one ("Retried waiting
     * for GCLocker too often", a heap nearly full under load) landed in a test's output; a
     * warning of the JVM's says nothing to a Toy program's user, who gets a MemoryError.
     */
    public static final List<String> LOG_FLAGS = List.of("-Xlog:disable", "-Xlog:all=error:stderr");

    /**
     * Flags of a {@code toy launch} process: those {@code ./toy} starts the JVM with ({@link #HEAP_FLAG}, tiered
     * compilation, as there, since the launcher stopped turning it off; README, "Speed";
     * {@link #LOG_FLAGS} and {@link #JIT_FLAGS}).
     */
    public static final List<String> RUN_FLAGS = Stream.of(
            Stream.of("-XX:+UseSerialGC", "-Xss16m", "-Xmn16m", HEAP_FLAG, "-XX:-DontCompileHugeMethods"), LOG_FLAGS.stream(),
            JIT_FLAGS.stream()).flatMap(flags -> flags).toList();

    private JavaCommand() {
    }

    /**
     * Runs the rest of the command with the terminal's SIGINT ignored from its first instruction:
     * {@code sh} ignores it and then replaces itself by the command ({@code exec}), which keeps
     * an ignored signal, and so does the JVM, which installs no handler for a signal ignored when
     * it starts. The process that runs is the JVM itself, with no shell left between it and a
     * signal. A JVM that starts with SIGINT at its default and ignores it only once its main
     * class runs is killed by a Ctrl-C in its first ~50 ms (a new user's runs: a WorkerError
     * instead of the parent's KeyboardInterrupt in 4 of 10 runs).
     */
    private static final List<String> SIGINT_IGNORED = List.of("/bin/sh", "-c", "trap '' INT; exec \"$0\" \"$@\"");

    /**
     * {@code java FLAGS -cp CLASSPATH MAIN ARGS}, run with SIGINT ignored ({@link #SIGINT_IGNORED}),
     * with the class-data sharing archive {@code toy.jsa} beside {@code toy.jar} when
     * {@code ./toy} made one for this build (it loads Toy's classes already parsed and verified:
     * a quarter less CPU at start).
     */
    public static List<String> of(List<String> flags, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(SIGINT_IGNORED);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            File jar = new File(classPath);
            File archive = new File(classPath.substring(0, classPath.length() - ".jar".length()) + ".jsa");
            if (archive.isFile() && archive.lastModified() >= jar.lastModified()) {
                command.add("-XX:SharedArchiveFile=" + archive.getPath());
            }
        }
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * The name under which another Toy process (a pool worker, a process of {@code toy launch})
     * can open the script this one runs as {@code name}: the name itself, or the file behind one
     * that leads to a descriptor of this process ({@code /dev/stdin}, {@code /dev/fd/N},
     * {@code /proc/self/fd/N}, or a link to one of them), since in another process that name is
     * its own descriptor (a worker's stdin is its channel, which it would wait on for ever).
     * Null when that descriptor is no file another process can open (a pipe, a terminal, a
     * deleted file).
     */
    public static String scriptForAnotherProcess(String name) {
        try {
            Path path = Path.of(name);
            if (!leadsToDescriptor(path)) {
                return name;
            }
            return Files.isRegularFile(path) ? path.toRealPath().toString() : null;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    /** What a Toy process says of a script that {@link #scriptForAnotherProcess} cannot name. */
    public static String notForAnotherProcess(String name) {
        return "another process cannot open '" + name + "' again (a pipe, a terminal or a deleted file): save the script to a file";
    }

    /** Whether path, its links followed one at a time, comes to {@code /proc/PID/fd/N}, a descriptor of a process. */
    private static boolean leadsToDescriptor(Path path) throws IOException {
        Path at = path.toAbsolutePath().normalize();
        for (int links = 0; links < 40 && at.getParent() != null; links++) {
            // The directories' own links followed (/dev/fd, /proc/self), the last name kept.
            at = at.getParent().toRealPath().resolve(at.getFileName());
            if (at.getNameCount() == 4 && at.getName(0).toString().equals("proc") && at.getName(2).toString().equals("fd")) {
                return true;
            }
            if (!Files.isSymbolicLink(at)) {
                return false;
            }
            at = at.getParent().resolve(Files.readSymbolicLink(at)).normalize();
        }
        return false;
    }
}
