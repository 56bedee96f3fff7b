package toy.interpreter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.SourceFile;
import toy.interpreter.vm.SwitchInterval;
import toy.interpreter.vm.Vm;
import toy.runtime.threads.Gil;

@Command(name = "run", description = "Compile and run a script.", mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private Main parent;

    @Option(names = "--recursion-limit", paramLabel = "N", defaultValue = "" + Vm.DEFAULT_RECURSION_LIMIT,
            description = "Frames per thread before RecursionError (default: ${DEFAULT-VALUE}).")
    private int recursionLimit;

    @Option(names = "--switch-interval", paramLabel = "N|DURATION", converter = SwitchIntervalConverter.class,
            description = "Instructions a thread runs before it offers the GIL (CPython 2's check interval),"
                    + " or a duration such as 5ms or 200us after which a waiting thread asks for it (CPython 3)."
                    + " Default: 5ms.")
    private SwitchInterval switchInterval = SwitchInterval.DEFAULT;

    @Option(names = "--gil", paramLabel = "POLICY", converter = GilPolicyConverter.class,
            description = "handoff (default; CPython 3: a dropped GIL goes to a waiting thread),"
                    + " unfair (CPython 2: the dropping thread competes again at once), off (free-threaded).")
    private Gil.Policy gilPolicy = Gil.Policy.HANDOFF;

    @Mixin
    private ObservabilityOptions observability;

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
        Vm vm = new Vm(globals, console.out(), console.err(), console.flushEachLine(),
                new Vm.Options(recursionLimit, gilPolicy, switchInterval, args));
        try {
            return observability.run(vm, Compiler.compile(source, globals), console);
        } catch (CompileException e) {
            console.err().print(e.report());
            return ExitStatus.COMPILE_ERROR;
        }
    }

    static final class SwitchIntervalConverter implements ITypeConverter<SwitchInterval> {
        @Override
        public SwitchInterval convert(String value) {
            try {
                return SwitchInterval.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class GilPolicyConverter implements ITypeConverter<Gil.Policy> {
        @Override
        public Gil.Policy convert(String value) {
            return switch (value) {
                case "handoff" -> Gil.Policy.HANDOFF;
                case "unfair" -> Gil.Policy.UNFAIR;
                case "off" -> Gil.Policy.OFF;
                default -> throw new TypeConversionException("'" + value + "' is not a GIL policy: use handoff, unfair or off");
            };
        }
    }
}
