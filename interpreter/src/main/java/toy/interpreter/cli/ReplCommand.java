package toy.interpreter.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.SourceFile;
import toy.interpreter.repl.InputThread;
import toy.interpreter.repl.LineSource;
import toy.interpreter.repl.ReplInterrupt;
import toy.interpreter.repl.ReplSession;
import toy.interpreter.vm.Vm;

/**
 * {@code toy repl [RUN OPTIONS]} (CLI.md): a read-eval-print loop on MainThread of one VM,
 * under the same options as {@code run}; {@link ReplSession} is the loop. The exit status is
 * 0 after the end of the input, else the run's ({@code exit(n)}, a deadlock, Ctrl-C while the
 * session waits for its threads at the end).
 */
final class ReplCommand implements Callable<Integer> {
    private final Console console;
    private final CommandSpec spec;

    ReplCommand(Console console) {
        this.console = console;
        spec = Main.command(this, "repl", "Type Toy a line at a time and see each expression's value.");
        RunOptions.addTo(spec);
        ObservabilityOptions.addTo(spec);
    }

    /** This command's model, for {@link Main} to add to the command line. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException, CompileException {
        RunOptions options = RunOptions.of(spec);
        ObservabilityOptions observability = new ObservabilityOptions(spec);
        String problem = options.problem();
        if (problem == null) {
            problem = observability.problem(ReplSession.FILE);
        }
        if (problem != null) {
            console.err().println(problem);
            return ExitStatus.USAGE;
        }
        Globals globals = new Globals();
        Vm vm = new Vm(globals, console.out(), console.err(), console.flushEachLine(), options.vmOptions(List.of(), options.role()));
        // An empty program: MainThread then runs the loop, as a pool worker serves its tasks.
        var main = Compiler.compile(new SourceFile(ReplSession.FILE, ""), globals);
        // Ctrl-C interrupts the statement running in the loop; before and after the loop it ends the run.
        ReplInterrupt interrupt = new ReplInterrupt();
        Runnable onInterrupt = () -> {
            if (!interrupt.deliver()) {
                Main.interrupted(console.out(), console.err());
            }
        };
        try (LineSource lines = LineSource.forStandardInput(console.err(), onInterrupt)) {
            ReplSession session = new ReplSession(globals, new InputThread(lines, vm.scheduler()), interrupt, console.out(), console.err());
            return observability.run(vm, main, session, console);
        }
    }
}
