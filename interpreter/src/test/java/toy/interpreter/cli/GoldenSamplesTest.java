package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per {@code samples/**}{@code /*.toy} and configuration: runs it and compares stdout,
 * stderr and the exit status with the files beside it: {@code NAME.out} (required),
 * {@code NAME.err} (absent: no stderr), {@code NAME.exit} (absent: 0) and {@code NAME.args}
 * (arguments, one per line). Paths in the output read as they would from the repository root
 * ({@code samples/...}), so {@code ./toy samples/NAME.toy} prints exactly the expected files.
 *
 * <p>As Truffle's SimpleLanguage runs its test files under several engine options, every
 * sample runs under each of {@link #CONFIGURATIONS}: a program's output must not depend on
 * the GIL's policy or switch interval unless it races on purpose. A sample whose output
 * varies says so in {@code NAME.varies} (one line: why); it is not compared here, and
 * {@link ThreadsTest} asserts its properties. {@code samples/bench/} holds benchmarks, whose
 * output is a timing, and is left out.
 */
class GoldenSamplesTest {
    /** The run options each sample is checked under: the defaults, then what a classroom changes. */
    static final List<List<String>> CONFIGURATIONS = List.of(
            List.of(), List.of("--switch-interval", "1"), List.of("--gil", "unfair"), List.of("--gil", "off"));

    @TestFactory
    Stream<DynamicContainer> samples() throws IOException {
        Path root = ToyRunner.root();
        List<Path> golden = goldenSamples(root);
        return CONFIGURATIONS.stream().map(options -> DynamicContainer.dynamicContainer(
                options.isEmpty() ? "defaults" : String.join(" ", options),
                golden.stream().map(script -> DynamicTest.dynamicTest(root.relativize(script).toString(),
                        script.toUri(), () -> check(root, script, options)))));
    }

    /** Every sample with expected output: not a benchmark, not marked as varying. */
    static List<Path> goldenSamples(Path root) throws IOException {
        Path samples = root.resolve("samples");
        List<Path> golden = new ArrayList<>();
        try (Stream<Path> files = Files.walk(samples)) {
            files.filter(f -> f.toString().endsWith(".toy"))
                    .filter(f -> !samples.relativize(f).startsWith("bench"))
                    .filter(f -> !Files.exists(sibling(f, ".varies")))
                    .sorted()
                    .forEach(golden::add);
        }
        assertTrue(golden.size() > 0, "no samples found under " + samples);
        return golden;
    }

    /** The file beside a sample with another extension: {@code a/b.toy} → {@code a/b.out}. */
    static Path sibling(Path script, String extension) {
        String name = script.getFileName().toString();
        return script.resolveSibling(name.substring(0, name.length() - ".toy".length()) + extension);
    }

    /** The command-line arguments a sample runs with, from {@code NAME.args}. */
    static List<String> arguments(Path script) throws IOException {
        Path file = sibling(script, ".args");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** The exit status a sample ends with, from {@code NAME.exit} (absent: 0). */
    static int expectedStatus(Path script) throws IOException {
        return Integer.parseInt(read(sibling(script, ".exit"), "0").trim());
    }

    private static void check(Path root, Path script, List<String> options) throws IOException {
        String relative = root.relativize(script).toString();
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(options);
        args.add(script.toString());
        args.addAll(arguments(script));
        ToyRunner.Result result = ToyRunner.run(args.toArray(new String[0]));
        String where = relative + (options.isEmpty() ? "" : " with " + String.join(" ", options));
        Path expectedOut = sibling(script, ".out");
        assertTrue(Files.exists(expectedOut), "missing expected output " + expectedOut);
        assertEquals(Files.readString(expectedOut).replace("\r\n", "\n"),
                result.out().replace(script.toString(), relative), "stdout of " + where);
        assertEquals(read(sibling(script, ".err"), ""), result.err().replace(script.toString(), relative),
                "stderr of " + where);
        assertEquals(expectedStatus(script), result.status(), "exit status of " + where);
    }

    private static String read(Path file, String absent) throws IOException {
        return Files.exists(file) ? Files.readString(file) : absent;
    }
}
