package toy.interpreter.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import sun.misc.Signal;
import toy.interpreter.vm.StandardOutput;
import toy.interpreter.vm.Vm;
import toy.runtime.threads.Aborted;

/**
 * The {@code toy} command. A first word that is not a command or a top-level option is short
 * for {@code run} when it names a script (an existing file, a path with {@code /}, or a name
 * ending in {@code .toy}) or is a run option: {@code toy FILE ARG…} and
 * {@code toy --recursion-limit 50 FILE} both run FILE. Any other first word is a usage error.
 *
 * <p>Each command's picocli model is built with picocli's programmatic API ({@link CommandSpec},
 * {@link OptionSpec}) rather than from annotations: picocli reads those by reflection, and the
 * JDK parses a class's annotations and spins a proxy class per annotation type the first time;
 * that cost about 65 ms of CPU at every start (docs/speed.md, "Start-up").
 */
public final class Main implements Callable<Integer> {
    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /**
     * The commands, by name, with how to build each one's model, in the order help lists them
     * (picocli's own {@code help} is built from its annotations). Each is added to the command
     * line only when it can be used (see {@link #commandLine}): building all six took a good
     * part of each {@code toy FILE}'s start (docs/speed.md, "Start-up").
     */
    private static final Map<String, Function<Console, Object>> COMMANDS = commands();

    private static Map<String, Function<Console, Object>> commands() {
        Map<String, Function<Console, Object>> commands = new LinkedHashMap<>();
        commands.put("run", console -> new RunCommand(console).spec());
        commands.put("launch", console -> new LaunchCommand(console).spec());
        commands.put("dis", console -> new DisCommand(console).spec());
        commands.put("check", console -> new CheckCommand(console).spec());
        commands.put("repl", console -> new ReplCommand(console).spec());
        commands.put("help", console -> new CommandLine.HelpCommand());
        return commands;
    }

    static {
        // Picocli's documented switch, read once when its default factory is first used: that
        // factory then does not look for Groovy's Closure class, a lookup that opened and
        // indexed toy.jar (3 MB) at each start.
        System.setProperty("picocli.disable.closures", "true");
    }

    private static final String[] FOOTER = {"", "toy FILE [ARG...] is short for toy run FILE [ARG...].", "",
        "Exit status:",
        "  0    success",
        "  2    usage error",
        "  65   compile error",
        "  66   script missing or unreadable",
        "  70   uncaught runtime error or deadlock",
        "  73   an output file cannot be created or written",
        "  74   standard output cannot be written (a full disk)",
        "  130  interrupted (Ctrl-C)",
        "  141  standard output closed by its reader (toy p.toy | head -1)"};

    private final Console console;
    private final CommandSpec spec;

    private Main(Console console) {
        this.console = console;
        spec = command(this, "toy", "Toy: a bytecode interpreter whose threads hold a real global interpreter lock.");
        spec.usageMessage().footer(FOOTER);
    }

    /** {@code toy} with no command: show how to use it, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(console.err());
        return ExitStatus.USAGE;
    }

    /**
     * A command's model with only {@code -h}/{@code --help} and {@code -V}/{@code --version}
     * (as picocli's {@code mixinStandardHelpOptions} gives them, whose own model would be built
     * from annotations); the caller adds the command's own options and parameters. Picocli runs
     * {@code command} (a {@link Callable}) when the command line names it.
     */
    static CommandSpec command(Callable<Integer> command, String name, String description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class)
                .description("Show this help message and exit.").build());
        // `toy run --version` answers as `toy --version` does.
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class)
                .description("Print version information and exit.").build());
        spec.versionProvider(new Version());
        return spec;
    }

    public static void main(String[] args) {
        StandardOutput out = new StandardOutput();
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        stopOnInterrupt(out, err);
        finishOnTermination(out);
        int status = execute(args, new Console(out, err, !stdoutIsRegularFile()));
        System.exit(out.finish(status, err));
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
        flushBriefly(out);
        OnInterrupt.runAll();
        err.println("KeyboardInterrupt");
        Runtime.getRuntime().halt(Aborted.INTERRUPTED_STATUS);
    }

    /**
     * SIGTERM ({@code kill}'s default, {@code timeout}'s) or SIGHUP (the terminal closed): the
     * JVM runs its shutdown hooks, then ends with status 128 + the signal's number (143, 129).
     * This hook does what Ctrl-C does before that, without a word: keeps what was printed and
     * completes the output files. At a normal end it finds nothing left to do: everything was
     * flushed and completed before {@code System.exit}.
     */
    private static void finishOnTermination(PrintStream out) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            flushBriefly(out);
            OnInterrupt.runAll();
        }, "toy-termination"));
    }

    /** Flushes {@code out} on the side, waiting at most a second: a thread may be stuck writing to a pipe nobody reads. */
    private static void flushBriefly(PrintStream out) {
        OnInterrupt.runBriefly("toy-flush", 1000, out::flush);
    }

    /** Runs the command line and returns the exit status; never throws. */
    static int execute(String[] args, Console console) {
        try {
            // A developer's property (docs/speed.md): checked here, not at the first VM made, where
            // a bad value would end in an internal error.
            Vm.checkJitProperty();
        } catch (IllegalArgumentException e) {
            console.err().println("toy: " + e.getMessage());
            return ExitStatus.USAGE;
        }
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
        if (PlainRun.applies(args)) {
            return PlainRun.run(args, console);
        }
        return commandLine(command, console).execute(args);
    }

    /**
     * The command line for arguments whose first word is {@code command} (null when there is
     * none). Only that command is built; help, the top-level options and no command at all list
     * every command, so they get them all.
     */
    static CommandLine commandLine(String command, Console console) {
        CommandLine commandLine = new CommandLine(new Main(console).spec);
        if (command != null && COMMANDS.containsKey(command) && !command.equals("help")) {
            commandLine.addSubcommand(command, COMMANDS.get(command).apply(console));
        } else {
            COMMANDS.forEach((name, model) -> commandLine.addSubcommand(name, model.apply(console)));
        }
        // After the commands are added: picocli passes these settings to the commands it has.
        // (No lambdas of picocli types here: see Failures.)
        Failures failures = new Failures(console);
        commandLine.setStopAtPositional(true)
                .setOut(new PrintWriter(console.out(), true))
                .setErr(new PrintWriter(console.err(), true))
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
        return commandLine;
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

    /** An exception out of a command (a bug of Toy's): what it prints, and the exit status. */
    static int internalError(Console console, Exception e) {
        console.out().flush();
        console.err().println(Aborted.internalError("", e));
        return ExitStatus.RUNTIME_ERROR;
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
            return internalError(console, e);
        }

        /**
         * A bad option says what is wrong in one line, not above a screen of help. A word that
         * starts with {@code -} is an option, as for Python and other Unix tools, also when a
         * file has that name; the line then says how to name the file instead.
         */
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandSpec command = e.getCommandLine().getCommandSpec();
            int file = dashedFile(command, args, e);
            if (file >= 0) {
                StringBuilder fixed = new StringBuilder("toy");
                for (int i = 0; i < args.length; i++) {
                    fixed.append(i == file ? " -- " : " ").append(shellWord(args[i]));
                }
                console.err().println("toy: '" + args[file] + "' is not an option; to run the file of that name, put -- before it ("
                        + fixed + ") or write it ./" + args[file]);
            } else {
                console.err().println("toy: " + e.getMessage());
            }
            console.err().println("More: " + command.qualifiedName() + " --help");
            return ExitStatus.USAGE;
        }

        /**
         * The index of the one word before any {@code --} that starts with {@code -} and is none
         * of the command's options, when it names a file and is what error {@code e} is about
         * (the unknown option, or the script missing for it); or -1. Another error (another
         * unknown option, an option without its value) is said as it is.
         */
        private static int dashedFile(CommandSpec command, String[] args, CommandLine.ParameterException e) {
            int found = -1;
            for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
                if (args[i].startsWith("-") && command.findOption(args[i]) == null) {
                    if (found >= 0) {
                        return -1;
                    }
                    found = i;
                }
            }
            return found >= 0 && ScriptFile.isRegularFile(args[found]) && isAbout(e, args[found]) ? found : -1;
        }

        private static boolean isAbout(CommandLine.ParameterException e, String word) {
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                return unmatched.getUnmatched().equals(List.of(word));
            }
            return e instanceof CommandLine.MissingParameterException missing
                    && missing.getMissing().stream().noneMatch(CommandLine.Model.ArgSpec::isOption);
        }

        /** The word as a shell reads it back: as it is when it is plain, else in single quotes. */
        private static String shellWord(String word) {
            return word.matches("[A-Za-z0-9_./=:,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
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
