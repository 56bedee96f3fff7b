package toy.interpreter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.SourceFile;
import toy.interpreter.vm.ExitRequest;
import toy.interpreter.vm.Vm;
import toy.runtime.ToyError;

@Command(name = "run", description = "Compile and run a script.", mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private Main parent;

    @Option(names = "--recursion-limit", paramLabel = "N", defaultValue = "" + Vm.DEFAULT_RECURSION_LIMIT,
            description = "Frames per thread before RecursionError (default: ${DEFAULT-VALUE}).")
    private int recursionLimit;

    @Parameters(index = "0", paramLabel = "FILE", description = "The script to run.")
    private String file;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments the script reads with args().")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Console console = parent.console();
        if (recursionLimit < 1) {
            console.err().println("toy: --recursion-limit must be at least 1");
            return ExitStatus.USAGE;
        }
        SourceFile source;
        try {
            source = ScriptFile.read(file);
        } catch (ScriptFile.Unreadable e) {
            console.err().println(e.getMessage());
            return e.status;
        }
        Globals globals = new Globals();
        Vm vm = new Vm(globals, console.out(), console.interactive(), recursionLimit, args);
        Code main;
        try {
            main = Compiler.compile(source, globals);
        } catch (CompileException e) {
            console.err().print(e.report());
            return ExitStatus.COMPILE_ERROR;
        }
        try {
            vm.run(main);
            return ExitStatus.OK;
        } catch (ToyError e) {
            console.out().flush();
            console.err().print(e.formatTraceback());
            return ExitStatus.RUNTIME_ERROR;
        } catch (ExitRequest e) {
            return e.status();
        } finally {
            console.out().flush();
        }
    }
}
