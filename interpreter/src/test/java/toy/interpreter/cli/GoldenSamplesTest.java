package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per {@code samples/**}{@code /*.toy}: runs it and compares stdout, stderr and the exit
 * status with the files beside it: {@code NAME.out} (required), {@code NAME.err} (absent: no
 * stderr), {@code NAME.exit} (absent: 0) and {@code NAME.args} (arguments, one per line).
 * Paths in the output read as they would from the repository root ({@code samples/...}), so
 * {@code ./toy samples/NAME.toy} prints exactly the expected files. {@code samples/bench/} holds
 * benchmarks, whose output is a timing, and is left out, as are the thread samples whose
 * output varies from run to run: {@link ThreadsTest} asserts their properties.
 */
class GoldenSamplesTest {
    @TestFactory
    Stream<DynamicTest> samples() throws IOException {
        Path root = ToyRunner.root();
        Path samples = root.resolve("samples");
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(samples)) {
            files.filter(f -> f.toString().endsWith(".toy"))
                    .filter(f -> !samples.relativize(f).startsWith("bench"))
                    // NAME.varies (a one-line reason): output varies from run to run; not compared.
                    .filter(f -> !Files.exists(Path.of(f.toString().replaceFirst("\\.toy$", ".varies"))))
                    .sorted()
                    .forEach(scripts::add);
        }
        assertTrue(scripts.size() > 0, "no samples found under " + samples);
        List<Path> golden = new ArrayList<>();
        for (Path script : scripts) {
            String relative = samples.relativize(script).toString();
            if (ThreadsTest.PROPERTY_SAMPLES.contains(relative)) {
                continue;
            }
            golden.add(script);
        }
        return golden.stream().map(script -> DynamicTest.dynamicTest(
                root.relativize(script).toString(), script.toUri(), () -> check(root, script)));
    }

    private static void check(Path root, Path script) throws IOException {
        String base = script.toString().substring(0, script.toString().length() - ".toy".length());
        String relative = root.relativize(script).toString();
        List<String> args = new ArrayList<>(List.of("run", script.toString()));
        Path argsFile = Path.of(base + ".args");
        if (Files.exists(argsFile)) {
            args.addAll(Files.readAllLines(argsFile));
        }
        ToyRunner.Result result = ToyRunner.run(args.toArray(new String[0]));
        assertEquals(read(Path.of(base + ".out"), "").replace("\r\n", "\n"),
                result.out().replace(script.toString(), relative), "stdout of " + relative);
        assertEquals(read(Path.of(base + ".err"), ""), result.err().replace(script.toString(), relative),
                "stderr of " + relative);
        assertEquals(Integer.parseInt(read(Path.of(base + ".exit"), "0").trim()), result.status(),
                "exit status of " + relative);
    }

    private static String read(Path file, String absent) throws IOException {
        if (!Files.exists(file)) {
            if (absent.isEmpty() && file.toString().endsWith(".out")) {
                throw new AssertionError("missing expected output " + file);
            }
            return absent;
        }
        return Files.readString(file);
    }
}
