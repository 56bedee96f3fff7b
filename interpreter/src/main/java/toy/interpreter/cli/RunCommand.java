package toy.interpreter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.SourceFile;
import toy.interpreter.vm.Vm;
import toy.interpreter.worker.ParentWatch;

@Command(name = "run", description = "Compile and run a script.", mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private Main parent;

    @Mixin
    private RunOptions options;

    @Mixin
    private ObservabilityOptions observability;

    @Parameters(index = "0", paramLabel = "FILE", description = "The script to run.")
    private String file;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments the script reads with args().")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Console console = parent.console();
        String problem = options.problem();
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
            return observability.run(vm, Compiler.compile(source, globals), console);
        } catch (CompileException e) {
            console.err().print(e.report());
            return ExitStatus.COMPILE_ERROR;
        }
    }
}
