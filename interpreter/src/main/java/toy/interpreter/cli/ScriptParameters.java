package toy.interpreter.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The {@code FILE [ARG…]} that ends the command lines of {@code run} and {@code launch} (CLI.md). */
final class ScriptParameters {
    private ScriptParameters() {
    }

    /** Adds FILE (required) and ARG… (optional) to spec, described as the command uses them. */
    static void addTo(CommandSpec spec, String fileDescription, String argDescription) {
        spec.addPositional(PositionalParamSpec.builder().index("0").required(true).paramLabel("FILE").type(String.class)
                .description(fileDescription).build());
        spec.addPositional(PositionalParamSpec.builder().index("1..*").arity("0..1").paramLabel("ARG").type(List.class)
                .auxiliaryTypes(String.class).description(argDescription).build());
    }

    /** The script the parsed command line names. */
    static String file(CommandSpec spec) {
        return spec.positionalParameters().get(0).getValue();
    }

    /** The script's arguments on the parsed command line; empty when there are none. */
    static List<String> args(CommandSpec spec) {
        List<String> given = spec.positionalParameters().get(1).getValue();
        return given == null ? List.of() : given;
    }
}
