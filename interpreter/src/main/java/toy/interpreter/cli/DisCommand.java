package toy.interpreter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import toy.interpreter.bytecode.Disassembler;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.SourceFile;
import toy.interpreter.vm.Vm;

@Command(name = "dis", description = "Print the bytecode of a script and of every function in it.",
        mixinStandardHelpOptions = true)
final class DisCommand implements Callable<Integer> {
    @ParentCommand
    private Main parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The script to disassemble.")
    private String file;

    @Override
    public Integer call() {
        Console console = parent.console();
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
