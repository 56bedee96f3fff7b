package toy.interpreter.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LANGUAGE.md section 7: reading and writing back a global, a list element or a map entry stays
 * at least two instructions, with a possible thread switch between them, also for a list's
 * {@code +=}, which extends the list in place.
 */
class ReadModifyWriteTest {
    /** The opcode names of the statement on the script's second line. */
    private static List<String> secondLine(String text) throws CompileException {
        return Scripts.opcodesOfLine(text, 2);
    }

    @Test
    void aGlobalListIsReadExtendedAndWrittenBackSeparately() throws CompileException {
        assertEquals(List.of("LOAD_GLOBAL", "INT", "BUILD_LIST", "INPLACE_ADD", "STORE_GLOBAL"),
                secondLine("let xs = []\nxs += [1]"));
    }

    @Test
    void anElementIsReadAndWrittenBackSeparately() throws CompileException {
        assertEquals(List.of("LOAD_GLOBAL", "INT", "DUP2", "INDEX", "INT", "BUILD_LIST", "INPLACE_ADD", "STORE_INDEX"),
                secondLine("let xs = [[]]\nxs[0] += [1]"));
        assertEquals(List.of("LOAD_GLOBAL", "CONST", "DUP2", "INDEX", "INT", "SUB", "STORE_INDEX"),
                secondLine("let m = {\"k\": 1}\nm[\"k\"] -= 1"));
    }
}
