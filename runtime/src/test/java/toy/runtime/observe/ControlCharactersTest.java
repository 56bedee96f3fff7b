package toy.runtime.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** How the text trace and the stats table show a value: one line, whatever characters a script put in it. */
class ControlCharactersTest {
    @Test
    void lineBreaksTabsAndOtherControlsAreEscaped() {
        assertEquals("line one\\nline two\\r\\tend\\x1b[2J\\x00\\x7f\\x85", ControlCharacters.escaped(
                "line one\nline two\r\tend\u001b[2J\u0000\u007f\u0085"));
    }

    @Test
    void aValueWithoutControlsIsLeftAsItIs() {
        String value = "h\u00e9llo \u2603 \"q\" \\ ";
        assertSame(value, ControlCharacters.escaped(value));
        StringBuilder out = new StringBuilder("x");
        assertEquals(value.length(), ControlCharacters.append(out, value));
        assertEquals("x" + value, out.toString());
    }

    /** Outside quotes a backslash stays as it is; between them it is escaped, as the quote is, so that the value reads back. */
    @Test
    void quotedValuesEscapeBackslashesAndQuotesToo() {
        StringBuilder out = new StringBuilder();
        assertEquals(8, ControlCharacters.append(out, "a\\b\n\"c\""));
        assertEquals("a\\b\\n\"c\"", out.toString());
        out.setLength(0);
        ControlCharacters.appendQuoted(out, "a\\b\n\"c\"");
        assertEquals("\"a\\\\b\\n\\\"c\\\"\"", out.toString());
    }
}
