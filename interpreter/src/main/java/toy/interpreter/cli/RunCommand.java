package toy.interpreter.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.BytecodeCache;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.SourceFile;
import toy.interpreter.vm.Vm;
import toy.interpreter.worker.ParentWatch;

/** {@code toy run [OPTIONS] FILE [ARG…]} (CLI.md): compile a script and run it. */
final class RunCommand implements Callable<Integer> {
    private final Console console;
    private final CommandSpec spec;

    RunCommand(Console console) {
        this.console = console;
        spec = Main.command(this, "run", "Compile and run a script.");
        RunOptions.addTo(spec);
        ObservabilityOptions.addTo(spec);
        ScriptParameters.addTo(spec, "The script to run.", "Arguments the script reads with args().");
    }

    /** This command's model, for {@link Main} to add to the command line. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        return run(console, RunOptions.of(spec), new ObservabilityOptions(spec), ScriptParameters.file(spec),
                ScriptParameters.args(spec));
    }

    /**
     * Runs {@code file} with {@code args} under these options and returns the exit status; what
     * {@code toy run} does once its command line is parsed, by picocli or by {@link PlainRun}.
     */
    static int run(Console console, RunOptions options, ObservabilityOptions observability, String file,
            List<String> args) {
        String problem = options.problem();
        if (problem == null) {
            problem = observability.problem(file);
        }
        if (problem != null) {
            console.err().println(problem);
            return ExitStatus.USAGE;
        }
        if (options.launched()) {
            ParentWatch.start();
        }
        SourceFile source;
        try {
            source = ScriptFile.read(file);
        } catch (ScriptFile.Unreadable e) {
            console.err().println(e.getMessage());
            return e.status;
        }
        Globals globals = new Globals();
        Vm vm = new Vm(globals, console.out(), console.err(), console.flushEachLine(),
                options.vmOptions(args, options.role()));
        try {
            return observability.run(vm, BytecodeCache.forThisBuild().compile(source, globals), console);
        } catch (CompileException e) {
            console.err().print(e.report());
            return ExitStatus.COMPILE_ERROR;
        }
    }
}
