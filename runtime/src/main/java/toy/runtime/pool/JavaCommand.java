package toy.runtime.pool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts another JVM of this same installation: the running JVM's own
 * {@code java} (from {@code java.home}, no PATH lookup) with the running class path, so that a
 * worker runs exactly the Toy its parent runs.
 */
public final class JavaCommand {
    /**
     * Flags of a pool worker, chosen by measurement (docs/processes.md, "Start-up"): those of
     * {@code ./toy} (serial GC, C2 only, 16 MB thread stacks for deep recursion), and the
     * JDK's default class-data sharing archive, which is on by default and is named here
     * only so that a JVM without one fails loudly instead of starting slowly.
     */
    public static final List<String> WORKER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:-TieredCompilation", "-Xss16m",
            "-Xshare:auto", "-XX:+ExitOnOutOfMemoryError");

    /** Flags of a {@code toy launch} process: those {@code ./toy} starts the JVM with. */
    public static final List<String> RUN_FLAGS = List.of("-XX:+UseSerialGC", "-XX:-TieredCompilation", "-Xss16m");

    private JavaCommand() {
    }

    /** {@code java FLAGS -cp CLASSPATH MAIN ARGS}. */
    public static List<String> of(List<String> flags, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
