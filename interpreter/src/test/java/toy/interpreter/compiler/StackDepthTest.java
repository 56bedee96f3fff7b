package toy.interpreter.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import toy.interpreter.bytecode.Code;

/**
 * The depths {@link CodeBuilder} computes from the instruction table: the frame's operand stack
 * ({@link Code#maxStack}, the deepest point plus one spare entry) and each try handler's depth.
 */
class StackDepthTest {
    private static Code compile(String text) throws CompileException {
        return Scripts.compile(text);
    }

    private static Code function(String text) throws CompileException {
        return Scripts.firstFunction(text);
    }

    @Test
    void aCallHoldsItsCalleeAndArguments() throws CompileException {
        // print, 1, 2, 3
        assertEquals(4 + 1, compile("print(1, 2, 3)").maxStack());
    }

    @Test
    void aHandlerInsideALoopKeepsTheIterator() throws CompileException {
        Code code = compile("for x in [1, 2] {\n try { raise \"e\" } catch e { print(e) }\n}");
        assertEquals(1, code.handlers().get(0).depth());
    }

    @Test
    void aWithKeepsItsResourceUnderTheBody() throws CompileException {
        Code code = compile("let lock = 0\nfor x in [1] {\n with lock { print(x) }\n}");
        // the iterator, then the resource
        assertEquals(2, code.handlers().get(0).depth());
    }

    @Test
    void nestedHandlersEachCutToTheirOwnDepth() throws CompileException {
        Code code = compile("try {\n for x in [1] {\n  try { raise \"a\" } catch e { raise e }\n }\n} catch e { print(e) }");
        assertEquals(2, code.handlers().size());
        assertEquals(1, code.handlers().get(0).depth(), "the inner try, inside the loop");
        assertEquals(0, code.handlers().get(1).depth(), "the outer try");
    }

    @Test
    void codeNoPathReachesDoesNotSizeTheFrame() throws CompileException {
        // After the return, the call of four arguments is never run: the frame holds the one value returned.
        assertEquals(1 + 1, function("fn f() {\n return 1\n print(1, 2, 3, 4)\n}").maxStack());
    }

    @Test
    void theArmsOfAConditionalExpressionMeetAtOneDepth() throws CompileException {
        // print, then the list's three elements before BUILD_LIST
        assertEquals(4 + 1, compile("let c = true\nprint(1 if c else [2, 3, 4])").maxStack());
    }
}
