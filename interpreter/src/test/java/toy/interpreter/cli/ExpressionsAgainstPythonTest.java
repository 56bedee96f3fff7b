package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential tests against CPython. {@code expressions.txt} (arithmetic, comparison and logic,
 * made by {@code src/test/python/generate_expressions.py}, which documents how Toy's rules
 * differ from Python's) and {@code library.txt} (slices with steps, format specs, f-strings,
 * comprehensions, sorted/min/max with keys, made by {@code generate_library.py}) hold one case a
 * line, {@code EXPRESSION<TAB>EXPECTED}, where EXPECTED is what {@code print} shows for the value
 * or {@code str(e)} for the error. All cases of a file run in one script, one {@code try} per
 * line, so each file costs a single compile and run.
 */
class ExpressionsAgainstPythonTest {
    private record Case(int line, String expression, String expected) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"expressions.txt", "library.txt"})
    void everyExpressionPrintsWhatPythonComputes(String resource, @TempDir Path dir) throws IOException {
        List<Case> cases = readCases(resource);
        StringBuilder script = new StringBuilder();
        for (Case c : cases) {
            script.append("try { print(").append(c.expression())
                    .append(") } catch e { print(str(e)) }\n");
        }
        Path file = dir.resolve("expressions.toy");
        Files.writeString(file, script.toString(), StandardCharsets.UTF_8);

        ToyRunner.Result result = ToyRunner.run("run", file.toString());
        assertEquals(0, result.status(), () -> "the expressions script failed:\n" + result.err());
        assertEquals("", result.err(), "stderr of the expressions script");

        List<String> actual = result.out().lines().toList();
        StringBuilder mismatches = new StringBuilder();
        int count = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String got = i < actual.size() ? actual.get(i) : "<no output>";
            if (!got.equals(c.expected())) {
                count++;
                mismatches.append("\n  " + resource + ":").append(c.line()).append(": ").append(c.expression())
                        .append("\n      expected: ").append(c.expected())
                        .append("\n      actual:   ").append(got);
            }
        }
        if (actual.size() != cases.size()) {
            mismatches.append("\n  ").append(cases.size()).append(" expressions but ")
                    .append(actual.size()).append(" lines of output");
        }
        if (mismatches.length() > 0) {
            fail(count + " of " + cases.size() + " expressions differ from Python:" + mismatches);
        }
    }

    private static List<Case> readCases(String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = ExpressionsAgainstPythonTest.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource + " is missing from the test resources");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                int tab = text.indexOf('\t');
                if (tab < 0) {
                    fail(resource + ":" + number + ": no tab between expression and expected value");
                }
                cases.add(new Case(number, text.substring(0, tab), text.substring(tab + 1)));
            }
        }
        return cases;
    }
}
