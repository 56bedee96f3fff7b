package toy.interpreter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import toy.interpreter.bytecode.Disassembler;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.SourceFile;
import toy.interpreter.vm.Vm;

/** {@code toy dis FILE} (CLI.md): print the bytecode of a script and of every function in it. */
final class DisCommand implements Callable<Integer> {
    private final Console console;
    private final CommandSpec spec;

    DisCommand(Console console) {
        this.console = console;
        spec = Main.command(this, "dis", "Print the bytecode of a script and of every function in it.");
        spec.addPositional(PositionalParamSpec.builder().index("0").required(true).paramLabel("FILE").type(String.class)
                .description("The script to disassemble.").build());
    }

    /** This command's model, for {@link Main} to add to the command line. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        String file = spec.positionalParameters().get(0).getValue();
        try {
            SourceFile source = ScriptFile.read(file);
            Globals globals = Vm.globalsOfARun();
            console.out().print(Disassembler.disassemble(Compiler.compile(source, globals), globals));
            console.out().flush();
            return ExitStatus.OK;
        } catch (ScriptFile.Unreadable e) {
            console.err().println(e.getMessage());
            return e.status;
        } catch (CompileException e) {
            console.err().print(e.report());
            return ExitStatus.COMPILE_ERROR;
        }
    }
}
