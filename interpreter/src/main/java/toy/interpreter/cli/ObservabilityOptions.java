package toy.interpreter.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;
import toy.interpreter.bytecode.Code;
import toy.interpreter.vm.Vm;
import toy.runtime.observe.Observer;
import toy.runtime.pool.PoolActivity;
import toy.runtime.observe.OutputFile;
import toy.runtime.observe.Timeline;
import toy.runtime.observe.TraceWriter;

/**
 * The observability options of {@code toy run} (CLI.md): {@code --trace}, {@code --trace-format},
 * {@code --trace-threads}, {@code --trace-limit}, {@code --stats}, {@code --stats-json},
 * {@code --timeline}, declared on a command by {@link #addTo} and read after parsing by the constructor;
 * and running a script under them. Every output file is created before the
 * script starts: one that cannot be ends the run with one line and status 73 (EX_CANTCREAT).
 */
final class ObservabilityOptions {
    /** sysexits' EX_CANTCREAT: an output file cannot be created (or, at the end, written). */
    static final int CANT_CREATE = 73;

    private final String trace;
    private final String traceFormat;
    private final List<String> traceThreads;
    private final Long traceLimit;
    private final boolean stats;
    private final String statsJson;
    private final String timeline;
    /** Whether --trace-format, --trace-threads or --trace-limit was given: they shape a trace. */
    private final boolean traceShaped;

    /** None of these options: the run is not observed. */
    static final ObservabilityOptions NONE = new ObservabilityOptions();

    private ObservabilityOptions() {
        trace = null;
        traceFormat = "text";
        traceThreads = List.of();
        traceLimit = null;
        stats = false;
        statsJson = null;
        timeline = null;
        traceShaped = false;
    }

    /** The options given to the command of {@code spec} (declared by {@link #addTo}) once it is parsed. */
    ObservabilityOptions(CommandSpec spec) {
        trace = spec.findOption("--trace").getValue();
        traceFormat = spec.findOption("--trace-format").getValue();
        List<String> threads = spec.findOption("--trace-threads").getValue();
        traceThreads = threads == null ? List.of() : threads;
        traceLimit = spec.findOption("--trace-limit").getValue();
        stats = Boolean.TRUE.equals(spec.findOption("--stats").getValue());
        statsJson = spec.findOption("--stats-json").getValue();
        timeline = spec.findOption("--timeline").getValue();
        traceShaped = !spec.findOption("--trace-format").originalStringValues().isEmpty() || threads != null
                || traceLimit != null;
    }

    /** Declares these options on {@code spec}. */
    static void addTo(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--trace").paramLabel("FILE").type(String.class)
                .description("Write an instruction trace, with the GIL's events, to FILE ('-' for stderr).").build());
        spec.addOption(OptionSpec.builder("--trace-format").paramLabel("FORMAT").type(String.class).defaultValue("text")
                .converters(new TraceFormat())
                .description("text (default: aligned columns) or jsonl (one JSON object a line).").build());
        spec.addOption(OptionSpec.builder("--trace-threads").paramLabel("NAME").type(List.class)
                .auxiliaryTypes(String.class).splitRegex(",")
                .description("Trace only these threads (MainThread, Thread-1, ...).").build());
        spec.addOption(OptionSpec.builder("--trace-limit").paramLabel("N").type(Long.class)
                .description("Stop tracing (events included) after N instruction records; the run goes on.").build());
        spec.addOption(OptionSpec.builder("--stats").type(boolean.class)
                .description("At exit, print GIL and lock statistics on stderr.").build());
        spec.addOption(OptionSpec.builder("--stats-json").paramLabel("FILE").type(String.class)
                .description("At exit, write the statistics to FILE as JSON ('-' for stderr).").build());
        spec.addOption(OptionSpec.builder("--timeline").paramLabel("FILE").type(String.class).converters(new TimelineFile())
                .description("Write the threads' states over time to FILE: .json (Chrome trace events, for Perfetto)"
                        + " or .html (a page that draws them).").build());
    }

    /**
     * These options as command-line arguments, for a process of {@code toy launch}: each
     * output file gets {@code k}, the process's index, before its extension
     * ({@link #indexed}), so that N processes never write one file.
     */
    List<String> arguments(int k) {
        List<String> list = new ArrayList<>();
        if (trace != null) {
            list.addAll(List.of("--trace", indexed(trace, k), "--trace-format", traceFormat));
        }
        if (!traceThreads.isEmpty()) {
            list.addAll(List.of("--trace-threads", String.join(",", traceThreads)));
        }
        if (traceLimit != null) {
            list.addAll(List.of("--trace-limit", traceLimit.toString()));
        }
        if (stats) {
            list.add("--stats");
        }
        if (statsJson != null) {
            list.addAll(List.of("--stats-json", indexed(statsJson, k)));
        }
        if (timeline != null) {
            list.addAll(List.of("--timeline", indexed(timeline, k)));
        }
        return list;
    }

    /**
     * An output file's name for process k: {@code t.jsonl} → {@code t.0.jsonl}, {@code out/t}
     * → {@code out/t.0}; {@code -} (stderr, which launch prefixes with {@code [k] }) stays {@code -}.
     */
    static String indexed(String path, int k) {
        if (path.equals(OutputFile.STDERR)) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > slash + 1) {
            return path.substring(0, dot) + "." + k + path.substring(dot);
        }
        return path + "." + k;
    }

    /**
     * Runs {@code main} on {@code vm} under these options, which the command has checked
     * ({@link #problem}) before compiling anything: opens the output files, runs, then writes
     * the stats and completes the files. Returns the exit status: the run's, or 73 when a file
     * cannot be created (nothing runs then) or written.
     */
    int run(Vm vm, Code main, Console console) {
        return run(vm, main, null, console);
    }

    /** {@link #run(Vm, Code, Console)} with a {@link Vm.Service} after the top-level code (the REPL's loop). */
    int run(Vm vm, Code main, Vm.Service service, Console console) {
        if (trace == null && !stats && statsJson == null && timeline == null) {
            return vm.run(main, service);
        }
        Observer observer = new Observer();
        List<OutputStream> opened = new ArrayList<>();
        try {
            if (trace != null) {
                observer.trace(TraceWriter.create(traceFormat, open(opened, "trace", trace, console), trace,
                        traceLimit == null ? Long.MAX_VALUE : traceLimit), threadNames());
            }
            if (timeline != null) {
                observer.timeline(Timeline.create(timeline, open(opened, "timeline", timeline, console)), timeline);
            }
            observer.stats(stats, statsJson == null ? null : open(opened, "stats", statsJson, console), statsJson);
        } catch (OutputFile.Failure e) {
            closeQuietly(opened);
            console.err().println(e.getMessage());
            return CANT_CREATE;
        } catch (IOException e) {
            closeQuietly(opened);
            console.err().println("toy: can't start the trace: " + e.getMessage());
            return CANT_CREATE;
        }
        vm.observe(observer);
        Runnable onInterrupt = () -> observer.finish(vm.handovers(), console.err());
        OnInterrupt.add(onInterrupt);
        observer.start();
        int status = ExitStatus.RUNTIME_ERROR;
        try {
            status = vm.run(main, service);
        } finally {
            recordPools(observer, vm.pools().activity());
            // Also after an internal error: what was traced up to it is what shows where it happened.
            List<String> failures = observer.finish(vm.handovers(), console.err());
            // Only now: a Ctrl-C or SIGTERM while finish() writes the files waits in its own call until they are complete.
            OnInterrupt.remove(onInterrupt);
            failures.forEach(console.err()::println);
            if (!failures.isEmpty() && status == 0) {
                status = CANT_CREATE;
            }
        }
        return status;
    }

    /** The pool workers' counters and tasks, for the stats' {@code workers} and the timeline's worker lanes. */
    private static void recordPools(Observer observer, PoolActivity pools) {
        long origin = System.nanoTime() - observer.now();
        observer.workers(pools.workers());
        for (PoolActivity.TaskSpan task : pools.spans()) {
            observer.workerTask(task.pool(), task.index(), task.startNanos() - origin, task.endNanos() - origin, task.function());
        }
    }

    /**
     * The usage error's message for these options with {@code script}, or null, which each
     * command asks before it compiles the script (a usage error comes first): a trace's
     * format, threads or limit given without {@code --trace} (a run that would trace nothing,
     * silently), a limit below 1, or two outputs in one file ({@link #sameFile}).
     */
    String problem(String script) {
        if (trace == null && traceShaped) {
            return "toy: --trace-format, --trace-threads and --trace-limit shape a trace: give --trace FILE too";
        }
        if (traceLimit != null && traceLimit < 1) {
            return "toy: --trace-limit must be at least 1";
        }
        return sameFile(script, -1);
    }

    /**
     * {@link #problem} for {@code toy launch}'s {@code count} processes, whose output files are
     * named for each ({@link #indexed}): also when process k's would be the script
     * ({@code --trace s.toy s.1.toy}), so that it is said before any process starts.
     */
    String launchProblem(String script, int count) {
        String problem = problem(script);
        for (int k = 0; problem == null && k < count; k++) {
            problem = sameFile(script, k);
        }
        return problem;
    }

    /**
     * The usage error's message when two of the output files are one file, or one of them is
     * the script: one would overwrite the other, or the script (a new user's {@code --trace
     * victim.toy victim.toy}); else null. Standard error ({@code -}) and devices such as
     * {@code /dev/null} may be named by several. With {@code k} at least 0, the files of
     * {@code toy launch}'s process k ({@link #indexed}); else the names as given.
     */
    private String sameFile(String script, int k) {
        Map<Object, String> named = new HashMap<>();
        Object scriptFile = ScriptFile.isRegularFile(script) ? file(script) : null;
        if (scriptFile != null) {
            named.put(scriptFile, "the script");
        }
        String[][] outputs = {{"--trace", trace}, {"--timeline", timeline}, {"--stats-json", statsJson}};
        for (String[] output : outputs) {
            String name = output[1] == null || k < 0 ? output[1] : indexed(output[1], k);
            Object file = name == null || name.equals(OutputFile.STDERR) ? null : file(name);
            String earlier = file == null ? null : named.putIfAbsent(file, output[0]);
            if (earlier != null) {
                return "toy: " + (k < 0 ? "" : "process " + k + "'s ") + output[0] + " '" + name
                        + "' names the same file as " + earlier + ", which it would overwrite: give each its own file";
            }
        }
        return null;
    }

    /**
     * What identifies the file a path names, for {@link #sameFile}: an existing file's key (its
     * device and inode: hard and symbolic links to it have the same), else the path with the
     * links of its directory followed; null for a name that is no path, or for an existing
     * thing that is not a regular file (a device, which several outputs may share; a
     * directory, which {@link OutputFile} reports).
     */
    private static Object file(String path) {
        try {
            Path file = Path.of(path).toAbsolutePath();
            if (Files.exists(file)) {
                if (!Files.isRegularFile(file)) {
                    return null;
                }
                Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                return key != null ? key : file.toRealPath();
            }
            Path directory = file.getParent();
            return directory != null && Files.isDirectory(directory)
                    ? directory.toRealPath().resolve(file.getFileName()) : file.normalize();
        } catch (InvalidPathException | IOException e) {
            return null;
        }
    }

    /** The names of --trace-threads, blanks around them ignored ("Thread-1, Thread-2"). */
    private Set<String> threadNames() {
        Set<String> names = new LinkedHashSet<>();
        traceThreads.forEach(name -> names.add(name.strip()));
        return names;
    }

    private static OutputStream open(List<OutputStream> opened, String what, String path, Console console)
            throws OutputFile.Failure {
        OutputStream out = OutputFile.open(what, path, console.err());
        opened.add(out);
        return out;
    }

    /** After a file could not be created, the ones already made are closed (they stay empty). */
    private static void closeQuietly(List<OutputStream> opened) {
        for (OutputStream out : opened) {
            try {
                out.close();
            } catch (IOException e) {
                // Nothing was written to it; the run ends with the report of the file that failed.
            }
        }
    }

    static final class TraceFormat implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("text") && !value.equals("jsonl")) {
                throw new TypeConversionException("'" + value + "' is not a trace format: use text or jsonl");
            }
            return value;
        }
    }

    /** A timeline file's extension chooses its format; any other is a usage error. */
    static final class TimelineFile implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                Timeline.Format.of(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + ": a timeline is written as .json (Chrome trace events) or .html");
            }
        }
    }
}
