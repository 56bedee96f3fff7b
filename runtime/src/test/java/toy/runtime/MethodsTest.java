package toy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static toy.runtime.Expect.args;
import static toy.runtime.Expect.error;

import org.junit.jupiter.api.Test;

class MethodsTest {
    @Test
    void dispatchesToMembers() {
        ToyList list = new ToyList();
        assertEquals(Nil.NIL, Expect.callMethod(list, "append", args(1L)));
        assertEquals("[1]", list.str());
        ToyMap m = new ToyMap();
        assertEquals("dflt", Expect.callMethod(m, "get", args("k", "dflt")));
    }

    @Test
    void errorAttributes() {
        ToyError e = ToyError.valueError("bad");
        assertEquals("ValueError", Methods.getAttribute(e, "kind"));
        assertEquals("bad", Methods.getAttribute(e, "message"));
        error("TypeError: 'Error' object has no attribute 'foo'", () -> Methods.getAttribute(e, "foo"));
        error("TypeError: 'str' object is not callable", () -> Expect.callMethod(e, "kind", args()));
    }

    @Test
    void missingAttributesAreTypeErrors() {
        error("TypeError: 'int' object has no attribute 'foo'", () -> Methods.getAttribute(1L, "foo"));
        error("TypeError: 'list' object has no attribute 'foo'", () -> Methods.getAttribute(new ToyList(), "foo"));
        error("TypeError: 'map' object has no attribute 'foo'", () -> Expect.callMethod(new ToyMap(), "foo", args()));
        error("TypeError: 'str' object has no attribute 'nope'", () -> Expect.callMethod("a", "nope", args()));
        error("TypeError: 'nil' object has no attribute 'x'", () -> Expect.callMethod(Nil.NIL, "x", args()));
        // Toy's word for Python's None.
        error("TypeError: strip arg must be nil or str", () -> Expect.callMethod("a", "strip", args(1L)));
    }

    @Test
    void methodsAsValues() {
        ToyList list = new ToyList();
        BoundMethod append = (BoundMethod) Methods.getAttribute(list, "append");
        append.call(Expect.CALLER, args("x"), Keywords.NONE);
        assertEquals("[\"x\"]", list.str());
        BoundMethod split = (BoundMethod) Methods.getAttribute("a b", "split");
        assertEquals("[\"a\", \"b\"]", Values.str(split.call(Expect.CALLER, args(), Keywords.NONE)));
        assertEquals("<method split of str>", Values.str(split));
    }

    @Test
    void split() {
        assertEquals("[\"a\", \"b\", \"c\", \"d\"]", Values.str(Expect.callMethod(" a  b\u00a0c\u2028d\n", "split", args())));
        assertEquals("[\"héllo\"]", Values.str(Expect.callMethod("héllo", "split", args(Nil.NIL))));
        assertEquals("[]", Values.str(Expect.callMethod("   ", "split", args())));
        assertEquals("[\"a\", \"b\", \"\", \"c\"]", Values.str(Expect.callMethod("a,b,,c", "split", args(","))));
        assertEquals("[\"\"]", Values.str(Expect.callMethod("", "split", args(","))));
        assertEquals("[\"\", \"x\", \"\"]", Values.str(Expect.callMethod("::x::", "split", args("::"))));
        error("ValueError: empty separator", () -> Expect.callMethod("a", "split", args("")));
        error("TypeError: must be str or nil, not int", () -> Expect.callMethod("a", "split", args(1L)));
        error("TypeError: split() takes at most 2 arguments (3 given)", () -> Expect.callMethod("a", "split", args(",", 1L, 2L)));
    }

    @Test
    void aMethodIsFoundByAnyStringOfItsName() {
        ToyList list = new ToyList();
        // Call sites pass their own String objects; a cached one must not stand in for another name.
        for (String name : new String[] {new String("append"), "append", new String("pop"), new String("append")}) {
            if (name.equals("append")) {
                Methods.callMethod(Expect.CALLER, list, name, args(1L), Keywords.NONE);
            } else {
                assertEquals(1L, Methods.callMethod(Expect.CALLER, list, name, args(), Keywords.NONE));
            }
        }
        assertEquals("[1, 1]", list.str());
        error("TypeError: 'list' object has no attribute 'appendx'. Did you mean: 'append'?", () -> Expect.callMethod(list, new String("appendx"), args()));
        error("TypeError: append() got an unexpected keyword argument 'x'", () -> Methods.callMethod(Expect.CALLER, list, "append",
                args(1L), new Keywords(new String[] {"x"}, new Object[] {1L})));
    }

    @Test
    void splitOnLatin1AndWiderWhitespace() {
        assertEquals("[\"a\", \"b\", \"c\", \"d😀\"]", Values.str(Expect.callMethod("\u0085a\u00a0b\u3000c\u001fd😀 ", "split", args())));
        assertEquals("[\"a\", \"b c \"]", Values.str(Expect.callMethod(" a b c ", "split", args(Nil.NIL, 1L))));
    }

    @Test
    void join() {
        assertEquals("a, b", Expect.callMethod(", ", "join", args(ToyList.of("a", "b"))));
        assertEquals("", Expect.callMethod(", ", "join", args(new ToyList())));
        assertEquals("a-b-c", Expect.callMethod("-", "join", args("abc")));
        // Characters one by one and longer parts, Latin-1 and not, with and without a separator.
        ToyList mixed = ToyList.of("a", "\u00e9", "\u20ac", "\ud83d\ude00", "", "bc", "\ud83d");
        assertEquals("a\u00e9\u20ac\ud83d\ude00bc\ud83d", Expect.callMethod("", "join", args(mixed)));
        assertEquals("a\u00b7\u00e9\u00b7\u20ac\u00b7\ud83d\ude00\u00b7\u00b7bc\u00b7\ud83d", Expect.callMethod("\u00b7", "join", args(mixed)));
        assertEquals("x\u20acy", Expect.callMethod("\u20ac", "join", args("xy")));
        ToyMap m = new ToyMap();
        m.put("x", 1L);
        m.put("y", 2L);
        assertEquals("x+y", Expect.callMethod("+", "join", args(m)));
        error("TypeError: sequence item 0: expected str instance, int found", () -> Expect.callMethod(",", "join", args(ToyList.of(1L))));
        error("TypeError: sequence item 1: expected str instance, nil found",
                () -> Expect.callMethod(",", "join", args(ToyList.of("a", Nil.NIL))));
        error("TypeError: sequence item 0: expected str instance, int found",
                () -> Expect.callMethod(",", "join", args(new ToyRange(0, 3, 1))));
        error("TypeError: can only join an iterable", () -> Expect.callMethod(",", "join", args(1L)));
        error("TypeError: str.join() takes exactly one argument (0 given)", () -> Expect.callMethod(",", "join", args()));
    }
}
