package toy.interpreter.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import toy.runtime.threads.Aborted;

/**
 * The {@code toy} command. A first word that is not a command or a top-level option is short
 * for {@code run} when it names a script (an existing file, a path with {@code /}, or a name
 * ending in {@code .toy}) or is a run option: {@code toy FILE ARG…} and
 * {@code toy --recursion-limit 50 FILE} both run FILE. Any other first word is a usage error.
 */
@Command(name = "toy", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Toy: a bytecode interpreter whose threads hold a real global interpreter lock.",
        footer = {"", "toy FILE [ARG...] is short for toy run FILE [ARG...].", "",
            "Exit status:",
            "  0    success",
            "  2    usage error",
            "  65   compile error",
            "  66   script missing or unreadable",
            "  70   uncaught runtime error or deadlock",
            "  73   an output file cannot be created",
            "  130  interrupted (Ctrl-C)",
            "  141  standard output closed by its reader (toy p.toy | head -1)"})
public final class Main implements Callable<Integer> {
    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /**
     * The commands by name, in the order help lists them. Each is added to the command line only
     * when it can be used (see {@link #execute}): picocli builds a command's model by reflection
     * on its annotations, and building all six took 120-160 ms of the main thread's CPU at each
     * {@code toy FILE} (docs/speed.md, "Start-up").
     */
    private static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("run", RunCommand.class);
        commands.put("launch", LaunchCommand.class);
        commands.put("dis", DisCommand.class);
        commands.put("check", CheckCommand.class);
        commands.put("repl", ReplCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(commands);
    }

    private Console console;

    @Spec
    private CommandSpec spec;

    Console console() {
        return console;
    }

    /** {@code toy} with no command: show how to use it, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(console.err());
        return ExitStatus.USAGE;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        stopOnInterrupt(out, err);
        int status = execute(args, new Console(out, err, !stdoutIsRegularFile()));
        out.flush();
        System.exit(status);
    }

    /**
     * Output to a file is written in large blocks; to a pipe or a terminal each line goes out as
     * soon as it is complete (CLI.md), so that a reader sees it at once and a reader that has
     * gone away ({@code | head -1}) is noticed at the next line.
     */
    private static boolean stdoutIsRegularFile() {
        return Files.isRegularFile(Path.of("/dev/stdout"));
    }

    /**
     * Ctrl-C: keep what was printed, say {@code KeyboardInterrupt} as Python does, and end the
     * process (and so every Toy thread) with status 130. A SIGINT that was ignored when the
     * process started (a background job of a non-interactive shell) stays ignored: the JVM
     * installs no handler for it, as Unix programs and Python do.
     */
    @SuppressWarnings("sunapi")
    private static void stopOnInterrupt(PrintStream out, PrintStream err) {
        Signal.handle(new Signal("INT"), signal -> interrupted(out, err));
    }

    /** What Ctrl-C does: keep what was printed, say {@code KeyboardInterrupt}, end with status 130. */
    static void interrupted(PrintStream out, PrintStream err) {
        // A thread may be stuck writing to a pipe nobody reads: flush on the side, and
        // never wait for it for long.
        Thread flush = new Thread(out::flush);
        flush.setDaemon(true);
        flush.start();
        try {
            flush.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        OnInterrupt.runAll();
        err.println("KeyboardInterrupt");
        Runtime.getRuntime().halt(Aborted.INTERRUPTED_STATUS);
    }

    /** Runs the command line and returns the exit status; never throws. */
    static int execute(String[] args, Console console) {
        String command = args.length > 0 ? args[0] : null;
        if (command != null && !COMMANDS.containsKey(command) && !TOP_LEVEL_OPTIONS.contains(command)) {
            if (!command.startsWith("-") && !namesAScript(command)) {
                console.err().println("toy: '" + command + "' is not a command, and no script of that name exists");
                console.err().println("Commands: " + String.join(", ", COMMANDS.keySet())
                        + ". To run a script: toy FILE [ARG...]. More: toy --help");
                return ExitStatus.USAGE;
            }
            String[] withRun = new String[args.length + 1];
            withRun[0] = "run";
            System.arraycopy(args, 0, withRun, 1, args.length);
            args = withRun;
            command = "run";
        }
        Main main = new Main();
        main.console = console;
        CommandLine commandLine = new CommandLine(main);
        // Only the command named first is built; help, the top-level options and no command at
        // all list every command, so they get them all.
        if (command != null && COMMANDS.containsKey(command) && !command.equals("help")) {
            commandLine.addSubcommand(command, COMMANDS.get(command));
        } else {
            for (Map.Entry<String, Class<?>> each : COMMANDS.entrySet()) {
                commandLine.addSubcommand(each.getKey(), each.getValue());
            }
        }
        // After the commands are added: picocli passes these settings to the commands it has.
        // (No lambdas of picocli types here: see Failures.)
        Failures failures = new Failures(console);
        commandLine.setStopAtPositional(true)
                .setOut(new PrintWriter(console.out(), true))
                .setErr(new PrintWriter(console.err(), true))
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
        // `toy run --version` answers as `toy --version` does.
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version());
        }
        return commandLine.execute(args);
    }

    /** CLI.md: a first word names a script if it exists, has a {@code /} or ends in {@code .toy}. */
    private static boolean namesAScript(String word) {
        if (word.contains("/") || word.endsWith(".toy")) {
            return true;
        }
        try {
            return Files.exists(Path.of(word));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * What an internal error and a bad option print. A class rather than two lambdas: a lambda
     * of a picocli interface makes the class-data sharing dump link picocli's classes, which are
     * too old a class-file version to be archived once linked, and then leave them all out.
     */
    private static final class Failures implements CommandLine.IExecutionExceptionHandler,
            CommandLine.IParameterExceptionHandler {
        private final Console console;

        Failures(Console console) {
            this.console = console;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
            console.out().flush();
            console.err().println(Aborted.internalError("", e));
            return ExitStatus.RUNTIME_ERROR;
        }

        /** A bad option says what is wrong in one line, not above a screen of help. */
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            console.err().println("toy: " + e.getMessage());
            console.err().println("More: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitStatus.USAGE;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"toy " + (version == null ? "development build" : version)};
        }
    }
}
