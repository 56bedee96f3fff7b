package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhitespaceTest {
    /** Every code point for which CPython 3.11's str.isspace() is true. */
    private static final List<Integer> PYTHON_SPACES = List.of(9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760,
            8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288);

    @Test
    void agreesWithPythonOnEveryCodePoint() {
        List<Integer> spaces = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Whitespace.isSpace(cp)) {
                spaces.add(cp);
            }
        }
        assertEquals(PYTHON_SPACES, spaces);
    }

    @Test
    void strip() {
        assertEquals("a b", Whitespace.strip("\u3000 a b\n\u0085"));
        assertEquals("", Whitespace.strip(" \t "));
        assertEquals("😀", Whitespace.strip("😀"));
    }
}
