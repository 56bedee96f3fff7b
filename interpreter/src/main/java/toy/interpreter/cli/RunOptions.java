package toy.interpreter.cli;

import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;
import toy.interpreter.vm.SwitchInterval;
import toy.interpreter.vm.Vm;
import toy.runtime.pool.ProcessRole;
import toy.runtime.threads.Gil;

/**
 * The options that shape a run (CLI.md, "Options of run"), shared by {@code run}, {@code launch}
 * and {@code repl}, so that launch's options reach the processes it starts ({@link #arguments()}).
 * {@link #addTo} declares them on a command; {@link #of} reads what was given after parsing.
 * A pool worker gets its parent's from {@link Vm.Options#arguments()} and reads them with
 * {@link Vm.Options#parse}, without a command-line parser, for a faster start.
 */
final class RunOptions {
    private final int recursionLimit;
    private final SwitchInterval switchInterval;
    private final Gil.Policy gilPolicy;
    /** Set by {@code toy launch} for its process k of N. */
    private final int launchIndex;
    private final int launchCount;

    private RunOptions(int recursionLimit, SwitchInterval switchInterval, Gil.Policy gilPolicy, int launchIndex,
            int launchCount) {
        this.recursionLimit = recursionLimit;
        this.switchInterval = switchInterval;
        this.gilPolicy = gilPolicy;
        this.launchIndex = launchIndex;
        this.launchCount = launchCount;
    }

    /** Declares these options on {@code spec}. */
    static void addTo(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--recursion-limit").paramLabel("N").type(int.class)
                .defaultValue("" + Vm.DEFAULT_RECURSION_LIMIT)
                .description("Frames per thread before RecursionError (default: ${DEFAULT-VALUE}).").build());
        spec.addOption(OptionSpec.builder("--switch-interval").paramLabel("N|DURATION").type(SwitchInterval.class)
                .converters(new SwitchIntervalConverter())
                .description("Instructions a thread runs before it offers the GIL (CPython 2's check interval),"
                        + " or a duration such as 5ms or 200us after which a waiting thread asks for it (CPython 3)."
                        + " Default: 5ms.").build());
        spec.addOption(OptionSpec.builder("--gil").paramLabel("POLICY").type(Gil.Policy.class)
                .converters(new GilPolicyConverter())
                .description("handoff (default; CPython 3: a dropped GIL goes to a waiting thread),"
                        + " unfair (CPython 2: the dropping thread competes again at once), off (free-threaded).").build());
        // Hidden: only launch gives them.
        spec.addOption(OptionSpec.builder("--launch-index").hidden(true).paramLabel("K").type(int.class).build());
        spec.addOption(OptionSpec.builder("--launch-count").hidden(true).paramLabel("N").type(int.class).build());
    }

    /** Every option at its default: a run whose command line gave none. */
    static RunOptions defaults() {
        return new RunOptions(Vm.DEFAULT_RECURSION_LIMIT, SwitchInterval.DEFAULT, Gil.Policy.HANDOFF, 0, 0);
    }

    /** The options given to the command of {@code spec} (declared by {@link #addTo}), defaults for the others. */
    static RunOptions of(CommandSpec spec) {
        Integer recursionLimit = spec.findOption("--recursion-limit").getValue();
        SwitchInterval switchInterval = spec.findOption("--switch-interval").getValue();
        Gil.Policy gilPolicy = spec.findOption("--gil").getValue();
        Integer launchIndex = spec.findOption("--launch-index").getValue();
        Integer launchCount = spec.findOption("--launch-count").getValue();
        RunOptions none = defaults();
        return new RunOptions(recursionLimit, switchInterval == null ? none.switchInterval : switchInterval,
                gilPolicy == null ? none.gilPolicy : gilPolicy, launchIndex == null ? none.launchIndex : launchIndex,
                launchCount == null ? none.launchCount : launchCount);
    }

    /** A message for a usage error, or null when the options are consistent. */
    public String problem() {
        if (recursionLimit < 1) {
            return "toy: --recursion-limit must be at least 1";
        }
        if (launchCount < 0 || launchIndex < 0 || (launchCount > 0 && launchIndex >= launchCount)) {
            return "toy: --launch-index must be in 0.." + (launchCount - 1);
        }
        return null;
    }

    /** True in a process that {@code toy launch} started: its parent stops it, not the terminal's Ctrl-C. */
    public boolean launched() {
        return launchCount > 0;
    }

    /** Who this process is in {@code toy launch} (process k of N), or the single main program of {@code toy run}. */
    public ProcessRole role() {
        return launched() ? ProcessRole.launched(launchIndex, launchCount) : ProcessRole.MAIN;
    }

    public Vm.Options vmOptions(List<String> args, ProcessRole role) {
        return new Vm.Options(recursionLimit, gilPolicy, switchInterval, args, role);
    }

    /** These options as command-line arguments, for a child process (launch identity left out). */
    public List<String> arguments() {
        return vmOptions(List.of(), ProcessRole.MAIN).arguments();
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
