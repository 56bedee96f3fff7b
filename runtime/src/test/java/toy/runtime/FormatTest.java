package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static toy.runtime.Expect.error;

import org.junit.jupiter.api.Test;

/** Python's format mini-language; generate_library.py checks many more specs against CPython. */
class FormatTest {
    @Test
    void numbers() {
        assertEquals("3.14", Format.format(3.14159, ".2f"));
        assertEquals("1,234,567", Format.format(1234567L, ","));
        assertEquals("-0000042", Format.format(-42L, "08d"));
        assertEquals("0x00ff", Format.format(255L, "#06x"));
        assertEquals("1.23e+05", Format.format(123456.0, ".3"));
        assertEquals("2.50e+00", Format.format(2.5, ".2e"));
        assertEquals("25%", Format.format(0.25, ".0%"));
        assertEquals("0.0", Format.format(-0.0001, "z.1f"));
        assertEquals("0,001,234", Format.format(1234L, "09,"));
        // 2.675 is really 2.67499999…: rounded on its exact binary value, as CPython does.
        assertEquals("2.67", Format.format(2.675, ".2f"));
    }

    @Test
    void aPrecisionPastADoublesDigitsAddsZerosOnly() {
        // 5e-324 has 1,074 digits after its point; CPython pads with zeros from there. (A
        // billion of them made BigDecimal throw ArithmeticException, a Java error in Toy.)
        String tiny = Format.format(5e-324, ".1100f");
        assertEquals(1102, tiny.length());
        assertEquals("0".repeat(26), tiny.substring(1076));
        assertEquals("1.5" + "0".repeat(1098) + "e+00", Format.format(1.5, ".1099e"));
        // Without '#', 'g' strips the zeros: a precision of 100,000,000 is no slower than 17.
        assertEquals("1.5", Format.format(1.5, ".100000000g"));
        assertEquals(Format.format(1e300, ".400g"), Format.format(1e300, ".2147483647g"));
        // A negative exponent: its digits after the point counted past an int's range.
        assertEquals("0.00014999999999999998685946966947568625982967205345630645751953125",
                Format.format(0.00015, ".2147483647g"));
        assertEquals(Format.format(0.00015, ".1000"), Format.format(0.00015, ".2147483647"));
        error("MemoryError: format precision 2147483645 is too large", () -> Format.format(0.00015, "#.2147483645g"));
    }

    @Test
    void strsAndOtherValues() {
        assertEquals("   ab", Format.format("ab", ">5"));
        assertEquals("*ab**", Format.format("ab", "*^5"));
        assertEquals("ab", Format.format("abc", ".2"));
        assertEquals("  true", Format.format(true, ">6"));
        assertEquals("[1, \"a\"]", Format.format(ToyList.of(1L, "a"), ""));
    }

    @Test
    void specsThatDoNotFitAreValueErrorsWithCPythonsMessages() {
        error("ValueError: Unknown format code 'd' for object of type 'float'", () -> Format.format(2.5, "d"));
        error("ValueError: Precision not allowed in integer format specifier", () -> Format.format(2L, ".2d"));
        error("ValueError: Sign not allowed in string format specifier", () -> Format.format("a", "+"));
        error("ValueError: Cannot specify ',' with 's'.", () -> Format.format("a", ","));
        error("ValueError: Invalid format specifier '2.2.2' for object of type 'int'", () -> Format.format(5L, "2.2.2"));
    }
}
