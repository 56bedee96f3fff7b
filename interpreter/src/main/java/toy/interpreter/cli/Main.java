package toy.interpreter.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import sun.misc.Signal;
import toy.runtime.threads.Aborted;

/**
 * The {@code toy} command. Anything that is not a command or a top-level option is short for
 * {@code run}: {@code toy FILE ARG…} and {@code toy --recursion-limit 50 FILE} both run FILE.
 */
@Command(name = "toy", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Toy: a bytecode interpreter whose threads hold a real global interpreter lock.",
        subcommands = {RunCommand.class, DisCommand.class, CheckCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    private static final Set<String> COMMANDS = Set.of("run", "dis", "check", "help");
    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /** The status after Ctrl-C, 128 + SIGINT as shells report it. */
    private static final int INTERRUPTED = 130;

    private Console console;

    Console console() {
        return console;
    }

    /** {@code toy} with no command: show how to use it, as a usage error. */
    @Override
    public Integer call() {
        new CommandLine(this).usage(console.err());
        return ExitStatus.USAGE;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        stopOnInterrupt(out);
        int status = execute(args, new Console(out, err, System.console() != null));
        out.flush();
        System.exit(status);
    }

    /**
     * Ctrl-C: keep what was printed, stop every thread (and so every Toy thread), exit 130.
     * Installed by hand because the JVM leaves SIGINT alone when it started with SIGINT
     * ignored, as in a background job of a non-interactive shell.
     */
    @SuppressWarnings("sunapi")
    private static void stopOnInterrupt(PrintStream out) {
        Signal.handle(new Signal("INT"), signal -> {
            out.flush();
            OnInterrupt.runAll();
            Runtime.getRuntime().halt(INTERRUPTED);
        });
    }

    /** Runs the command line and returns the exit status; never throws. */
    static int execute(String[] args, Console console) {
        Main main = new Main();
        main.console = console;
        CommandLine commandLine = new CommandLine(main)
                .setStopAtPositional(true)
                .setOut(new PrintWriter(console.out(), true))
                .setErr(new PrintWriter(console.err(), true))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    console.out().flush();
                    console.err().println(Aborted.internalError("", e));
                    return ExitStatus.RUNTIME_ERROR;
                });
        if (args.length > 0 && !COMMANDS.contains(args[0]) && !TOP_LEVEL_OPTIONS.contains(args[0])) {
            String[] withRun = new String[args.length + 1];
            withRun[0] = "run";
            System.arraycopy(args, 0, withRun, 1, args.length);
            args = withRun;
        }
        return commandLine.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"toy " + (version == null ? "development build" : version)};
        }
    }
}
