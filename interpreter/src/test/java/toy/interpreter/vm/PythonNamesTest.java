package toy.interpreter.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.SourceFile;
import toy.runtime.ErrorKinds;
import toy.runtime.PythonNames;
import toy.runtime.threads.Gil;

/**
 * The NameError said for a name of Python's that Toy spells otherwise or lacks ({@link
 * PythonNames}, which the compiler's check of {@code type(x)} and {@code e.kind} comparisons
 * reads too), and the advice for {@code count += 1} and its like: a read of a name that its own
 * statement assigns.
 */
class PythonNamesTest {
    /** The last line of running text as t.toy: its error's. */
    private static String lastLine(String text) throws CompileException {
        Globals globals = new Globals();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Vm vm = new Vm(globals, out, out, false,
                new Vm.Options(Vm.DEFAULT_RECURSION_LIMIT, Gil.Policy.HANDOFF, SwitchInterval.DEFAULT, List.of()));
        vm.run(Compiler.compile(new SourceFile("t.toy", text), globals));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void pythonsNamesGetWhatToyHas() throws CompileException {
        assertEquals("NameError: name 'None' is not defined. Did you mean: 'nil'?", lastLine("print(None)"));
        assertEquals("NameError: name 'Exception' is not defined. Did you mean: 'Error'?", lastLine("raise Exception(\"x\")"));
        assertEquals("NameError: name 'dict' is not defined (a map in Toy is written {} or {\"key\": value})", lastLine("let d = dict()"));
        assertEquals("NameError: name 'isinstance' is not defined (Toy tests a type by its name: type(x) == \"int\")",
                lastLine("print(isinstance(1, int))"));
        // Python's exceptions that Toy has not: what it has instead, as a comparison with e.kind is told.
        assertEquals("NameError: name 'LookupError' is not defined (Toy has no LookupError, Python's base of KeyError and IndexError)",
                lastLine("raise LookupError(\"x\")"));
        assertEquals("NameError: name 'KeyboardInterrupt' is not defined (only Ctrl-C raises it, and it ends the run"
                + " (in toy repl, the input running) past every catch)", lastLine("raise KeyboardInterrupt"));
        assertEquals("NameError: name 'UnboundLocalError' is not defined. Did you mean: 'NameError'?", lastLine("raise UnboundLocalError"));
    }

    @Test
    void everyEntryNamesWhatToyHas() throws CompileException {
        for (PythonNames.Entry entry : PythonNames.all()) {
            String name = entry.name();
            assertEquals(entry, PythonNames.of(name), name);
            if (entry.value() != null) {
                // Toy's name is defined: a constant or a builtin.
                assertEquals(entry.value(), lastLine("print(" + entry.value() + ")").replace("<builtin " + entry.value() + ">", entry.value()),
                        name);
            }
            if (entry.kinds() != null) {
                assertTrue(ErrorKinds.KINDS.containsAll(entry.kinds()), name);
                assertEquals("Error", entry.type(), name);
            }
        }
    }

    @Test
    void aReadInTheStatementThatAssignsTheNameGetsHowToDeclareIt() throws CompileException {
        // The statement's extent, not its line: the read on the second line of a statement that began on the first.
        assertEquals("NameError: name 'count' is not defined (declare it first: let count = ...)",
                lastLine("fn f() {\n    count = (1 +\n        count)\n}\nf()\n"));
        assertEquals("NameError: name 'count' is not defined (declare it first: let count = ...)",
                lastLine("fn f() {\n    count = max(1,\n        count)\n}\nf()\n"));
        assertEquals("NameError: name 'count' is not defined (declare it first: let count = ...)",
                lastLine("for i in range(2) {\n    count = [i,\n        count + 1][1]\n}\n"));
        assertEquals("NameError: name 'count' is not defined (declare it first: let count = ...)", lastLine("count = 1 if nil else count"));
        // Branches of the statement (or, and, x if c else y) start at its depth again: its line says it.
        for (String statement : new String[] {"count = count or 1", "count = count + 1 if count else 0",
                "count = count if true else 0", "count = count > 1 and count < 3", "count = not count or true",
                "other, count = (1 +\n        count), 2"}) {
            assertEquals("NameError: name 'count' is not defined (declare it first: let count = ...)",
                    lastLine("fn f() {\n    " + statement + "\n}\nf()\n"), statement);
        }
        // Several targets store below the depth the statement started at; a store on the read's line counts.
        assertEquals("NameError: name 'count' is not defined (declare it first: let count = ...)",
                lastLine("fn f() {\n    count, other = 1, count\n}\nf()\n"));
        assertEquals("NameError: name 'count' is not defined (declare it first: let count = ...)",
                lastLine("fn f() { let x = count + 1; count = 5 }\nf()\n"));
        // Another statement, on the next line, that assigns the name: a read of an undefined name.
        for (String statements : new String[] {"if count > 0 {\n        count = 0\n    }",
                "while true {\n        if count > 0 { break }\n        count = 1\n    }",
                "let ok = false\n    if ok {\n        print(1)\n    } else if count > 0 {\n        count = 1\n    }"}) {
            assertEquals("NameError: name 'count' is not defined. Did you mean: 'round'?",
                    lastLine("fn f() {\n    " + statements + "\n}\nf()\n"), statements);
        }
        assertEquals("NameError: name 'count' is not defined. Did you mean: 'round'?",
                lastLine("fn f() {\n    print(count)\n    count = 5\n}\nf()\n"));
        assertEquals("NameError: name 'count' is not defined. Did you mean: 'round'?",
                lastLine("for i in range(2) { print(count) }\ncount = 5\n"));
    }
}
