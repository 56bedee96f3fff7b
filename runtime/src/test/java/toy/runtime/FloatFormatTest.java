package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class FloatFormatTest {
    @Test
    void specialValues() {
        assertEquals("0.0", FloatFormat.repr(0.0));
        assertEquals("-0.0", FloatFormat.repr(-0.0));
        assertEquals("inf", FloatFormat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", FloatFormat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", FloatFormat.repr(Double.NaN));
    }

    @Test
    void fixedAndExponentNotationSwitchWherePythonDoes() {
        assertEquals("0.0001", FloatFormat.repr(0.0001));
        assertEquals("1e-05", FloatFormat.repr(0.00001));
        assertEquals("1000000000000000.0", FloatFormat.repr(1e15));
        assertEquals("1e+16", FloatFormat.repr(1e16));
        assertEquals("1.5e+300", FloatFormat.repr(1.5e300));
        assertEquals("123.456", FloatFormat.repr(123.456));
        assertEquals("-2.5", FloatFormat.repr(-2.5));
    }

    @Test
    void digitsAreShortestEvenWhereJavaIsNot() {
        assertEquals("0.1", FloatFormat.repr(0.1));
        assertEquals("0.30000000000000004", FloatFormat.repr(0.1 + 0.2));
        // Double.toString gives 2.82879384806159008E17 here.
        assertEquals("2.82879384806159e+17", FloatFormat.repr(2.82879384806159e17));
        assertEquals("5e-324", FloatFormat.repr(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", FloatFormat.repr(Double.MAX_VALUE));
        assertEquals("9007199254740992.0", FloatFormat.repr(9007199254740993.0));
    }

    /** Every line of float_repr.txt, written by src/test/python/gen_expectations.py with CPython's repr. */
    @Test
    void matchesPythonOnGeneratedDoubles() throws IOException {
        List<String> failures = new ArrayList<>();
        int count = 0;
        try (BufferedReader in = resource("float_repr.txt")) {
            for (String line; (line = in.readLine()) != null; count++) {
                String[] parts = line.split(" ");
                double x = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                String actual = FloatFormat.repr(x);
                if (!actual.equals(parts[1])) {
                    failures.add(parts[0] + ": expected " + parts[1] + " but was " + actual);
                }
            }
        }
        assertTrue(count > 2000, "too few cases: " + count);
        assertEquals(List.of(), failures);
    }

    static BufferedReader resource(String name) {
        return new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(FloatFormatTest.class.getResourceAsStream(name), name), StandardCharsets.UTF_8));
    }
}
