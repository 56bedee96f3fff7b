package toy.interpreter.cli;

import java.util.Arrays;
import java.util.List;

/**
 * {@code toy run FILE [ARG…]} with no option before FILE, the most common command line, run
 * without picocli: building picocli's command line (its type converters, the model of
 * {@code toy} and {@code run}) and parsing took about a fifth of hello world's start
 * (docs/speed.md, "Start-up"). Only command lines picocli would read the same way are taken:
 * FILE does not start with {@code -} (an option, or {@code --}) and no word starts with
 * {@code @} (picocli reads {@code @FILE} as a file of arguments). Since picocli's {@code run}
 * stops looking for options at its first positional parameter, every word after FILE is then
 * an argument of the script, whatever it looks like; anything else goes to picocli.
 */
final class PlainRun {
    private PlainRun() {
    }

    /** True when {@code args} ({@code run} first) is a plain command line, which {@link #run} runs as picocli would. */
    static boolean applies(String[] args) {
        if (args.length < 2 || !args[0].equals("run") || args[1].startsWith("-")) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs a plain command line ({@link #applies}) and returns the exit status. An exception out
     * of the run is an internal error, reported as picocli's execution-exception handler reports
     * it ({@link Main#internalError}).
     */
    static int run(String[] args, Console console) {
        List<String> scriptArgs = List.of(Arrays.copyOfRange(args, 2, args.length));
        try {
            return RunCommand.run(console, RunOptions.defaults(), ObservabilityOptions.NONE, args[1], scriptArgs);
        } catch (Exception e) {
            return Main.internalError(console, e);
        }
    }
}
