package toy.interpreter.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The constructs Toy.g4 writes as one alternative so that the parser decides on one token
 * (an expression statement and an assignment; an index and a slice; a list or map literal and
 * its comprehension; spawn as a postfix) compile each as the construct it is.
 */
class OneAlternativeRulesTest {
    /** The opcode names of the statement on the script's last line (the lines before declare its globals). */
    private static List<String> lastLine(String text) throws CompileException {
        return Scripts.opcodesOfLine(text, (int) text.lines().count());
    }

    @Test
    void anExpressionStatementDiscardsItsValueAndAnAssignmentStoresIt() throws CompileException {
        assertEquals(List.of("LOAD_GLOBAL", "POP"), lastLine("let x = 1\nx"));
        assertEquals(List.of("INT", "STORE_GLOBAL"), lastLine("let x = 1\nx = 2"));
        assertEquals(List.of("LOAD_GLOBAL", "INT", "SUB", "STORE_GLOBAL"), lastLine("let x = 1\nx -= 2"));
        // The values left to right, then swapped so that the first is stored first, as in CPython.
        assertEquals(List.of("INT", "INT", "SWAP", "STORE_GLOBAL", "STORE_GLOBAL"),
                lastLine("let x = 1\nlet y = 1\nx, y = 1, 2"));
    }

    @Test
    void spawnAppliesUpToTheFirstCallAndTheRestToTheThread() throws CompileException {
        assertEquals(List.of("LOAD_GLOBAL", "INT", "SPAWN", "CALL_METHOD", "POP"), lastLine("let f = 1\nspawn f(1).join()"));
        assertEquals(List.of("LOAD_GLOBAL", "GET_ATTR", "INT", "SPAWN", "POP"), lastLine("let o = 1\nspawn o.f(1)"));
        assertEquals(List.of("LOAD_GLOBAL", "SPAWN", "CALL", "POP"), lastLine("let f = 1\nspawn f()()"));
        assertEquals(List.of("LOAD_GLOBAL", "SPAWN", "INT", "POW", "STORE_GLOBAL"), lastLine("let f = 1\nf = spawn f() ** 2"));
    }

    @Test
    void aSubscriptWithoutAColonIsAnIndex() throws CompileException {
        assertEquals(List.of("LOAD_GLOBAL", "INT", "INDEX", "POP"), lastLine("let xs = 1\nxs[1]"));
        assertEquals(List.of("LOAD_GLOBAL", "INT", "NIL", "SLICE", "POP"), lastLine("let xs = 1\nxs[1:]"));
        assertEquals(List.of("LOAD_GLOBAL", "NIL", "INT", "SLICE", "POP"), lastLine("let xs = 1\nxs[:1]"));
        assertEquals(List.of("LOAD_GLOBAL", "NIL", "NIL", "INT", "SLICE_STEP", "POP"), lastLine("let xs = 1\nxs[::2]"));
        assertEquals(List.of("LOAD_GLOBAL", "NIL", "NIL", "SLICE", "POP"), lastLine("let xs = 1\nxs[::]"));
        assertEquals(List.of("LOAD_GLOBAL", "INT", "INT", "STORE_INDEX"), lastLine("let xs = 1\nxs[1] = 2"));
    }

    @Test
    void aDisplayWithForClausesIsAComprehension() throws CompileException {
        assertEquals(List.of("INT", "INT", "BUILD_LIST", "POP"), lastLine("[1, 2,]"));
        assertEquals(List.of("BUILD_LIST", "POP"), lastLine("[]"));
        assertEquals(List.of("INT", "INT", "BUILD_MAP", "POP"), lastLine("{1: 2}"));
        assertEquals(List.of("BUILD_MAP", "LOAD_GLOBAL", "GET_ITER", "FOR_ITER", "STORE_LOCAL", "LOAD_LOCAL",
                "LOAD_LOCAL", "MAP_PUT", "JUMP", "POP"), lastLine("let xs = 1\n{y: y for y in xs}"));
        assertEquals(List.of("BUILD_LIST", "LOAD_GLOBAL", "GET_ITER", "FOR_ITER", "STORE_LOCAL", "LOAD_LOCAL",
                "LIST_APPEND", "JUMP", "POP"), lastLine("let xs = 1\n[y for y in xs]"));
    }
}
