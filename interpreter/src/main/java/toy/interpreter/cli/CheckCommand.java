package toy.interpreter.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;

@Command(name = "check", description = "Compile scripts without running them and report every error.",
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private Main parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The scripts to check.")
    private List<String> files;

    @Override
    public Integer call() {
        Console console = parent.console();
        int status = ExitStatus.OK;
        for (String file : files) {
            try {
                Compiler.compile(ScriptFile.read(file), new Globals());
            } catch (ScriptFile.Unreadable e) {
                console.err().println(e.getMessage());
                status = Math.max(status, e.status);
            } catch (CompileException e) {
                console.err().print(e.report());
                status = Math.max(status, ExitStatus.COMPILE_ERROR);
            }
        }
        return status;
    }
}
