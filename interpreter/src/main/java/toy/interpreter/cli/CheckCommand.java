package toy.interpreter.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;

/** {@code toy check FILE…} (CLI.md): compile scripts without running them; exit 0 or 65 (66 for a missing one). */
final class CheckCommand implements Callable<Integer> {
    private final Console console;
    private final CommandSpec spec;

    CheckCommand(Console console) {
        this.console = console;
        spec = Main.command(this, "check", "Compile scripts without running them and report every error.");
        spec.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("FILE").type(List.class)
                .auxiliaryTypes(String.class).description("The scripts to check.").build());
    }

    /** This command's model, for {@link Main} to add to the command line. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        List<String> files = spec.positionalParameters().get(0).getValue();
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
