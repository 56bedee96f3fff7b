package toy.interpreter.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import toy.interpreter.bytecode.Globals;

/** Every kind of compile error, with its exact message and position. */
class CompileErrorsTest {
    private static CompileException failure(String text) {
        return assertThrows(CompileException.class, () -> Compiler.compile(new SourceFile("t.toy", text), new Globals()));
    }

    private static List<String> errors(String text) {
        return failure(text).errors().stream().map(x -> x.line() + ":" + x.column() + ": " + x.message()).toList();
    }

    private static String report(String text) {
        return failure(text).report();
    }

    /** The hint lines of the report on text. */
    private static List<String> hints(String text) {
        return report(text).lines().filter(l -> l.startsWith("hint")).toList();
    }

    @Test
    void comparisonsDoNotChain() {
        assertEquals(List.of("1:15: comparisons cannot be chained; combine them with 'and'"),
                errors("let x = 1 < 2 < 3"));
    }

    @Test
    void catchOfAnErrorKindIsAnError() {
        assertEquals(List.of("1:19: catch takes a name for the error, not an error kind: 'catch ValueError'"
                + " would catch every error; write 'catch e' and test e.kind"),
                errors("try { f() } catch ValueError { print(1) }"));
    }

    @Test
    void letTwiceInOneBlock() {
        assertEquals(List.of("2:5: 'x' is already declared in this block"), errors("let x = 1\nlet x = 2"));
        assertEquals(List.of("1:22: 'a' is already declared in this block"), errors("fn f(a) { let b; let a }"));
    }

    @Test
    void pythonsTypeAndKindComparisonsSayToCompareNames() throws CompileException {
        assertEquals(List.of("1:18: type(x) gives the name of x's type, a str: compare it with \"int\""),
                errors("print(type(1) == int)"));
        assertEquals(List.of("1:7: type(x) gives the name of x's type, a str: compare it with \"Lock\""),
                errors("print(Lock != type(1))"));
        assertEquals(List.of("1:52: an error's kind is its name, a str: compare it with \"ValueError\""),
                errors("try { raise ValueError(1) } catch e { if e.kind == ValueError { } }"));
        // Any other name or string is never equal: Toy's name for Python's, else the nearest, else the list.
        assertEquals(List.of("1:19: type(x) is never \"dict\": compare it with \"map\"",
                "2:18: type(x) gives the name of x's type, a str, and no type is named 'Int': compare it with \"int\""),
                errors("print(type({}) == \"dict\")\nprint(type(1) == Int)"));
        assertEquals(List.of("2:17: an error's kind is never \"ValueErorr\": compare it with \"ValueError\"",
                "3:17: an error's kind is its name, a str, and no kind is named 'Exception': catch e catches every error,"
                        + " whatever its kind, so compare nothing (\"Error\" is only the kind of raise \"...\" and Error(...))"),
                errors("try { raise ValueError(1) } catch e {\nprint(e.kind == \"ValueErorr\")\nprint(e.kind == Exception) }"));
        assertTrue(errors("print(type(1) == \"Foo\")").get(0).startsWith("1:18: type(x) is never \"Foo\": it is one of \"int\", \"float\""));
        // A string with a bad escape: that is its only error (it was an internal error, the check's list being immutable).
        assertEquals(List.of("1:19: invalid escape sequence '\\q'"), errors("print(type(1) == \"\\q\")"));
        assertEquals(List.of("1:18: type(x) is never nil: compare it with \"nil\"", "2:18: type(x) is never \"Dict\": compare it with \"map\""),
                errors("print(type(1) == nil)\nprint(type(1) == \"Dict\")"));
        // .kind compared with a string only for a catch's variable: a map's .kind is a TypeError when it runs.
        Compiler.compile(new SourceFile("t.toy", "let shape = {}\nprint(shape.kind == \"circle\")\n"), new Globals());
        // The names compared are the script's own: its global, a parameter, a string.
        Compiler.compile(new SourceFile("t.toy", "let int = 5\nprint(type(1) == int)\n"
                + "fn f(str) { return type(1) == str }\nprint(type(1) == \"int\", type(1) == int(\"1\"))"), new Globals());
    }

    @Test
    void pythonsExceptionsThatToyHasNotSayWhatToCompareWith() {
        // Python's bases of several kinds: each kind, with the catch's own variable.
        assertEquals(List.of("2:19: an error's kind is never \"LookupError\": Toy has no LookupError, Python's base of KeyError"
                + " and IndexError; compare with each: err.kind == \"KeyError\" or err.kind == \"IndexError\"",
                "3:19: an error's kind is its name, a str, and no kind is named 'ArithmeticError': Toy has no ArithmeticError,"
                + " Python's base of ZeroDivisionError and OverflowError; compare with each: err.kind == \"ZeroDivisionError\""
                + " or err.kind == \"OverflowError\""),
                errors("try { f() } catch err {\nprint(err.kind == \"LookupError\")\nprint(err.kind != ArithmeticError) }"));
        assertEquals(List.of("1:39: an error's kind is never \"BaseException\": catch e catches every error, whatever its kind,"
                + " so compare nothing (\"Error\" is only the kind of raise \"...\" and Error(...))"),
                errors("try { f() } catch e { print(e.kind == \"BaseException\") }"));
        // Errors no catch sees: said so, not a list of kinds.
        assertEquals(List.of("1:39: an error's kind is never \"KeyboardInterrupt\": only Ctrl-C raises it, and it ends the run"
                + " (in toy repl, the input running) past every catch",
                "2:17: an error's kind is never \"SystemExit\": exit(n) ends the run at once, past every catch"),
                errors("try { f() } catch e { print(e.kind == \"KeyboardInterrupt\")\nprint(e.kind == \"SystemExit\") }"));
        assertEquals(List.of("1:39: an error's kind is never \"AttributeError\": Toy has no AttributeError, a missing attribute"
                + " is a TypeError; compare it with \"TypeError\""),
                errors("try { f() } catch e { print(e.kind == \"AttributeError\") }"));
        // type(x) of any error is "Error"; Python's None is nil there too, as its NameError says.
        assertEquals(List.of("1:18: type(x) is never \"LookupError\": compare it with \"Error\"",
                "2:18: type(x) gives the name of x's type, a str, and no type is named 'None': compare it with \"nil\""),
                errors("print(type(1) == \"LookupError\")\nprint(type(1) == None)"));
    }

    @Test
    void anErrorKindComparedWithATypeSaysToCompareTheKind() {
        assertEquals(List.of("2:40: type(x) is never \"KeyError\": an error's type is \"Error\", and KeyError is its kind:"
                + " compare e.kind with \"KeyError\"",
                "3:26: type(x) gives the name of x's type, a str, and no type is named 'ValueError': an error's type is"
                + " \"Error\", and ValueError is its kind: compare errors[0].kind with \"ValueError\"",
                "4:33: type(x) is never \"IndexError\": an error's type is \"Error\", and IndexError is its kind:"
                + " compare (errors[0] or nil).kind with \"IndexError\""),
                errors("let errors = []\ntry { f() } catch e { print(type(e) == \"KeyError\") }\n"
                        + "print(type(errors[0]) != ValueError)\nprint(type(errors[0] or nil) == \"IndexError\")"));
        // In any case; an argument over several lines or with a comment is not quoted into the one-line message.
        assertEquals(List.of("1:29: type(x) is never \"keyerror\": an error's type is \"Error\", and KeyError is its kind:"
                + " compare e.kind with \"KeyError\"",
                "3:9: type(x) is never \"KeyError\": an error's type is \"Error\", and KeyError is its kind:"
                + " compare x.kind with \"KeyError\"",
                "5:9: type(x) is never \"KeyError\": an error's type is \"Error\", and KeyError is its kind:"
                + " compare x.kind with \"KeyError\""),
                errors("catch_it(fn(e) { type(e) == \"keyerror\" })\nprint(type([1,\n 2]) == \"KeyError\")\n"
                        + "print(type([1, # one\n 2]) == \"KeyError\")"));
        // An exception of Python's that no catch sees in Toy: said so, as for e.kind.
        assertEquals(List.of("1:40: type(x) is never \"KeyboardInterrupt\": only Ctrl-C raises it, and it ends the run"
                + " (in toy repl, the input running) past every catch"),
                errors("try { f() } catch e { print(type(e) == \"KeyboardInterrupt\") }"));
    }

    @Test
    void letInAnInnerBlockMayShadow() throws CompileException {
        Compiler.compile(new SourceFile("t.toy", "let x = 1\nif x { let x = 2 }\nfn f(x) { let y = x }"), new Globals());
    }

    @Test
    void lexicalErrors() {
        assertEquals(List.of("1:9: unterminated string literal"), errors("let s = \"abc"));
        assertEquals(List.of("1:10: invalid character '$'"), errors("let s = 1$"));
        assertEquals(List.of("1:12: invalid escape sequence '\\q'"), errors("let s = \"ab\\q\""));
        assertEquals(List.of("1:10: invalid unicode escape; write it as \\u{1F600}"), errors("let s = \"\\u{D800}\""));
        // Python's fixed-length escapes take exactly their number of ASCII hex digits, and a code point.
        assertEquals(List.of("1:10: invalid \\x escape; write it with 2 hex digits, as \\x1b, or as \\u{1b}"),
                errors("let s = \"\\x4\""));
        assertEquals(List.of("1:10: invalid \\x escape; write it with 2 hex digits, as \\x1b, or as \\u{1b}"),
                errors("let s = \"\\x\u0664\u0661\""));
        assertEquals(List.of("1:10: invalid \\u escape; write it with 4 hex digits, as \\u001b, or as \\u{1b}"),
                errors("let s = \"\\u12\""));
        assertEquals(List.of("1:10: invalid \\U escape: 00110000 is past the last code point, 0010FFFF"),
                errors("let s = \"\\U00110000\""));
        assertEquals(List.of("1:9: integer literal is too large for a 64-bit int"), errors("let n = 9223372036854775808"));
    }

    @Test
    void syntaxErrors() {
        assertEquals(List.of("1:12: unexpected ')', expected end of file, ';' or end of line"), errors("print(1, 2))"));
        assertEquals(List.of("1:8: unexpected end of file"), errors("let x ="));
        assertEquals(List.of("2:1: unexpected '}'"), errors("let x = 1\n}"));
    }

    @Test
    void aFileThatEndsInsideBracketsNamesTheInnermostOneLeftOpen() {
        // As Python 3.10 on: the bracket, not the empty line after the last one.
        assertEquals(List.of("1:6: '(' was never closed"), errors("print((1 + 2)\n"));
        assertEquals(List.of("1:8: '{' was never closed"), errors("fn f() {\n  print(1)\n"));
        assertEquals(List.of("1:5: '[' was never closed"), errors("foo([1, 2\n"));
        assertEquals(List.of("1:9: '{' was never closed"), errors("let m = {\"a\": 1,\n  \"b\": 2\n"));
        // Nothing open: the end of the file is what is unexpected.
        assertEquals(List.of("1:8: unexpected end of file"), errors("let x ="));
    }

    @Test
    void aBracketLeftOpenAboveTheErrorIsNamedWhenNothingClosesIt() {
        // As Python 3.10 on: the next line's statement is not the mistake, the bracket is.
        assertEquals(List.of("1:6: '(' was never closed"), errors("print(f(a)\nprint(b)\n"));
        assertEquals(List.of("1:4: '(' was never closed"), errors("foo(1,\n  2,\n  3\nbar(2)\nbar(3)\n"));
        // Ended by a statement keyword on the next line (NewlineFilter): the same.
        assertEquals(List.of("1:6: '(' was never closed"), errors("print(1, 2\nlet x = 3\n"));
        assertEquals(List.of("1:9: '{' was never closed"), errors("let m = {\"a\": 1\nlet y = 2\n"));
        // A later bracket closes it: the error is where the parser stopped.
        assertEquals(List.of("2:1: unexpected name 'print'"), errors("print(\"a\"\nprint(\"b\"))\n"));
        // Closed as written although a statement keyword made the filter forget it (a function
        // expression without its '{'): not "never closed".
        assertEquals(List.of("2:18: expected '{' but found end of line"),
                errors("let xs = [1, 2]\nlet r = map(fn(x)\n    return x * 2\n}, xs)\nprint(r)\n"));
        // Of the brackets open there, the innermost one nothing closes: the '(', not the '{' inside it.
        assertEquals(List.of("2:12: '(' was never closed"),
                errors("fn ready() { return true }\nwhile ready( {\n    print(1)\n    break\n}\n"));
        // On the bracket's own line the error stays where it is.
        assertEquals(List.of("1:9: unexpected number 2, expected ',' or ')' (a missing ',' before it?)"),
                errors("print(1 2\nprint(3)\n"));
    }

    @Test
    void aBracketClosedByTheWrongKindNamesBoth() {
        // As Python 3.10 on ("closing parenthesis ']' does not match opening parenthesis '('").
        assertEquals(List.of("1:13: closing ']' does not match opening '('"), errors("print((1 + 2]\nprint(5)\n"));
        assertEquals(List.of("1:15: closing ')' does not match opening '['"), errors("let xs = [1, 2)\n"));
        assertEquals(List.of("1:20: closing '}' does not match opening '['"), errors("let d = {\"a\": [1, 2}\nprint(d)\n"));
        // On another line than the opening one, its line too; the '[', not the '{' the '}' closes.
        assertEquals(List.of("4:1: closing '}' does not match opening '[' on line 3"),
                errors("let x = {\n  \"a\": 1,\n  \"b\": [1, 2\n}\nprint(x)\n"));
        assertEquals(List.of("3:1: closing ']' does not match opening '(' on line 1"), errors("let x = foo(1,\n  2\n]\nprint(x)\n"));
        // With nothing open, or only a block, a closing bracket is only unexpected.
        assertEquals(List.of("2:11: unexpected ')', expected '}', ';' or end of line"), errors("fn f() {\n  print(1))\n}\n"));
    }

    @Test
    void aConditionLeftOutIsReportedAtTheBlocksBrace() throws CompileException {
        // After 'if' a '{' begins a map: the block's lines failed as its entries, at the '}'.
        assertEquals(List.of("1:4: expected a condition after 'if' but found '{'"), errors("if {\n    print(2)\n}\n"));
        assertEquals(List.of("4:8: expected a condition after 'elif' but found '{'"),
                errors("let x = 1\nif x > 0 {\n    print(1)\n} elif {\n    print(2)\n}\nprint(3)\n"));
        assertEquals(List.of("2:11: expected a condition after 'if' but found '{'"),
                errors("if true {\n} else if {\n print(3)\n}\n"));
        assertEquals(List.of("1:7: expected a condition after 'while' but found '{'", "4:10: unexpected ')'"),
                errors("while {\n    break\n}\nprint(1 +)\n"));
        assertEquals(List.of("1:6: expected an expression after 'with' but found '{'"), errors("with {\n    print(2)\n}\n"));
        // A map there is a map, and an error inside one after '==' is the map's.
        Compiler.compile(new SourceFile("t.toy", "if {1: 2} {\n    print(3)\n}\nif 1 in {1: 2} {\n    print(1)\n}\n"), new Globals());
        assertEquals(List.of("1:12: expected ':' but found number 2"), errors("if 1 == {1 2} {\n    print(4)\n}\n"));
        // An empty block, the parser wanting one after it; and a '{' with more on its line is a map's.
        assertEquals(List.of("1:4: expected a condition after 'if' but found '{'"), errors("if {\n}\nprint(2)\n"));
        assertEquals("1:8: unexpected '}'", errors("if {1: } {\n    print(1)\n}\n").get(0));
    }

    @Test
    void anErrorInOneStatementLeavesTheNextOnesChecked() {
        // Each statement list goes on after a bad token: the program's and a block's.
        assertEquals(List.of("1:7: unexpected ':', expected end of file, ';' or end of line",
                "2:11: unexpected number 2, expected end of file, ';' or end of line"), errors("let y := 3\nlet z = 1 2\n"));
        assertEquals(List.of("1:10: unexpected name 'print', expected end of file, ';' or end of line",
                "3:11: unexpected number 2, expected end of file, ';' or end of line"), errors("print(1) print(2)\nprint(3)\nlet q = 1 2\n"));
        assertEquals(List.of("2:9: unexpected ':', expected '}', ';' or end of line",
                "3:13: unexpected number 3, expected '}', ';' or end of line",
                "5:11: unexpected number 5, expected end of file, ';' or end of line"),
                errors("fn f() {\n  let a := 1\n  let b = 2 3\n}\nlet c = 4 5\n"));
        // An else where a statement begins (the REPL's next input after an if's '}'): skipped with its block.
        assertEquals(List.of("1:1: unexpected 'else'", "4:11: unexpected number 2, expected end of file, ';' or end of line"),
                errors("else {\n  print(1)\n}\nlet b = 1 2\n"));
        assertEquals(List.of("hint: else, elif and catch go after the '}' of an if's or a try's block (at the prompt, on its line: } else {)"),
                hints("else {\n  print(1)\n}\n"));
        // Only for an error at the word: this else follows its if's block, the error is inside.
        assertEquals(List.of(), hints("let x = 1\nif x {\n  print(1)\n}\nelse { print(2 +) }\n"));
        // A skip stops where the filter ended an unfinished statement, its brackets forgotten.
        assertEquals(List.of("1:7: unexpected ':', expected end of file, ';' or end of line",
                "3:11: unexpected number 4, expected end of file, ';' or end of line",
                "4:9: unexpected number 5, expected ',' or ')' (a missing ',' before it?)"),
                errors("let x := foo(1,\nlet y = 2\nlet z = 3 4\nprint(z 5)\n"));
        // What is skipped takes its brackets whole: the block's '}' is not reported too.
        assertEquals(List.of("3:3: unexpected name 'except', expected 'catch'",
                "6:11: unexpected number 2, expected end of file, ';' or end of line"),
                errors("try {\n  print(1)\n} except e {\n  print(2)\n}\nlet q = 1 2\n"));
    }

    @Test
    void whatIsExpectedIsWhatMayFollowTheLastTokenMatched() {
        // Not what could have followed the parameter before the ')' (ANTLR's saved place, kept too long).
        assertEquals(List.of("1:9: unexpected '=', expected '{'"), errors("fn f(x) = 1\n"));
        assertEquals(List.of("1:15: unexpected '=', expected '{'"), errors("let f = fn(x) => x + 1\n"));
    }

    @Test
    void theWordAfterABlockOnItsLineIsNamedNotALineBreak() {
        // The filter ends the block's statement there; the error names what the user wrote.
        assertEquals(List.of("1:18: unexpected name 'finally', expected 'catch'"), errors("try { print(1) } finally { print(2) }\n"));
    }

    @Test
    void afterAnErrorTheEndOfTheFileIsNotAnother() {
        // The parser still looks for the '{' the first error lacked; that is not news.
        assertEquals(List.of("1:19: expected '{' but found name 'print'"), errors("for i in range(3) print(i)\n"));
        // Nor is the '}' it wants before a catch, in the block it made up; a statement's own error is news.
        assertEquals(List.of("1:5: expected '{' but found name 'print'"), errors("try print(1)\ncatch e {\n    print(2)\n}\n"));
        assertEquals(List.of("1:19: expected '{' but found name 'print'", "2:10: unexpected ')'"),
                errors("for i in range(3) print(i)\nprint(1 +)\n"));
        assertEquals(List.of("1:9: '(' was never closed"), errors("let x = ("));
        // An error of another parse (a lexical one, an f-string field's) does not hide one at the end.
        assertEquals(List.of("1:11: invalid character '$'", "2:8: '{' was never closed"),
                errors("let a = 1 $\nfn f() {\n"));
        assertEquals(2, errors("let a = 1\nprint(f\"{a +}\")\nprint(f\"{a *}\")\n").size());
    }

    @Test
    void aLineWrittenAsInPythonGetsAHint() {
        assertEquals("""
                t.toy:1:5: error: unexpected name 'f', expected end of file, ';' or end of line
                def f(x):
                    ^
                hint: Toy declares a function with fn: fn name(a, b) { ... }
                """, report("def f(x):\n    return x\n"));
        assertEquals(List.of("hint: Toy puts a block in braces, not after a colon: if x { ... } else { ... }"),
                hints("let x = 1\nif x:\n    print(x)\n"));
        assertEquals(List.of("hint: Toy catches an error with try { ... } catch e { ... }"),
                hints("try {\n} except e {\n}\n"));
        assertEquals(List.of("hint: Toy has no modules to import: its builtins are always there",
                        "hint: Toy writes an anonymous function with fn: fn(x) { return x * 2 }"),
                hints("import math\nlet f = lambda x: x\n"));
        assertEquals(List.of("hint: Toy has no '=>': a function expression has a block, fn(x) { return x * 2 }"),
                hints("let f = fn(x) => x + 1\n"));
        assertEquals(List.of("hint: Toy's comments start with # and run to the end of the line (// is floor division)"),
                hints("// a comment\nprint(1)\n"));
        assertEquals(List.of("hint: Toy's comments start with # and run to the end of the line (// is floor division)"),
                hints("let x = 1 /* c */\n"));
        assertEquals(List.of("hint: Toy declares a function with fn: fn name(a, b) { ... }"), hints("function f() {\n}\n"));
        assertEquals(List.of("hint: Toy declares a variable with let: let x = 1"), hints("var x = 1\n"));
        assertEquals(List.of("hint: Toy has no finally: catch e, clean up, then raise e (a with block releases its lock by itself)"),
                hints("try {\n    print(1)\n} finally {\n    print(2)\n}\n"));
        assertEquals(List.of("hint: Toy's catch takes every error, by a name only: catch e { if e.kind == \"ValueError\" { ... } }"),
                hints("try {\n} catch ValueError as e {\n}\n"));
        assertEquals(List.of("hint: Toy raises a caught error again by its name: catch e { ...; raise e }"),
                hints("try {\n} catch e {\n    raise\n}\n"));
        // On one line too.
        assertEquals(List.of("hint: Toy has no finally: catch e, clean up, then raise e (a with block releases its lock by itself)"),
                hints("try { print(1) } finally { print(2) }\n"));
        assertEquals(List.of("hint: Toy catches an error with try { ... } catch e { ... }"), hints("try { print(1) } except { print(2) }\n"));
        assertEquals(List.of("hint: Toy has no del: xs.pop(i) removes a list's item, m.pop(k) a map's key"),
                hints("let xs = [1]; del xs[0]\n"));
        assertEquals(List.of("hint: Toy has no del: xs.pop(i) removes a list's item, m.pop(k) a map's key"),
                hints("let xs = [1]\ndel xs[0]\n"));
        assertEquals(List.of("hint: Toy has no 'is': it compares with == and !=, as in x == nil, x != nil"), hints("let x = 1\nif x is nil { }\n"));
        assertEquals(hints("let x = 1\nif x is nil { }\n"), hints("let x = nil\nif x is not None { }\n"));
        assertEquals(hints("let x = 1\nif x is nil { }\n"), hints("let x = 1\nlet y = 2\nprint(x is y)\n"));
        // Inside brackets 'is' after a name is no missing comma, only Python's operator.
        assertEquals(List.of("2:9: unexpected name 'is'"), errors("let x = 1\nprint(x is nil)\n"));
        assertEquals(List.of("hint: Toy has no 'is': it compares with == and !=, as in x == nil, x != nil"), hints("let x = 1\nprint(x is nil)\n"));
        assertEquals(List.of("hint: Toy has no **=: write x = x ** n"), hints("let a = 2\na **= 3\n"));
        assertEquals(List.of("hint: Toy writes ints in decimal or hex (0x1f); int(\"17\", 8) and int(\"101\", 2) read the others"),
                hints("let a = 0o17\n"));
        assertEquals(hints("let a = 0o17\n"), hints("let a = 0b101\n"));
    }

    @Test
    void cAndJavaScriptBooleanOperatorsGetTheirToyWord() {
        assertEquals("""
                t.toy:2:6: error: invalid character '&'
                if a && b {}
                     ^
                hint: Toy writes 'and' for '&&', as Python does: if a and b { ... }
                """, report("let a = true\nif a && b {}\n"));
        assertEquals(List.of("hint: Toy writes 'or' for '||', as Python does: if a or b { ... }"),
                hints("let a = true\nlet b = a || false\n"));
        assertEquals(List.of("hint: Toy writes 'not' for '!', as Python does: if not done { ... }"),
                hints("let done = false\nwhile !done {}\n"));
        // The hint is about the character the error points at, not the first operator on the line.
        assertEquals(List.of("hint: Toy writes 'not' for '!', as Python does: if not done { ... }"),
                hints("let a = 1\nif !a && a {}\n"));
    }

    @Test
    void bitwiseOperatorsAndToysOwnNotEqualGetNoOperatorHint() {
        // Toy has no bitwise operators: a single & or | is an invalid character, with nothing to suggest.
        assertEquals(List.of("1:11: invalid character '&'"), errors("let b = 5 & 3\n"));
        assertEquals(List.of(), hints("let b = 5 & 3\n"));
        assertEquals(List.of(), hints("let b = 5 | 3\n"));
        // != is Toy's; the error here is the missing operand, and "||" in a string is not code.
        assertEquals(List.of(), hints("let b = 1 != \n"));
        assertEquals(List.of(), hints("print(\"a || b\" 1)\n"));
        // In an f-string's braces ! is Python's conversion mark, its error another one; "! =" meant !=.
        assertEquals(List.of(), hints("let x = 1\nprint(f\"{x!z}\")\n"));
        assertEquals(List.of(), hints("let x = 1\nif x ! = 2 { print(x) }\n"));
    }

    @Test
    void aToyLineGetsNoHint() {
        // def, class and from are names in Toy; a word in a string or a colon in a comment is not Python.
        for (String line : List.of("let x = (", "let def = 1 +* 2", "let class = 2 3", "let from = 2 3",
                "print(\"no lambda here\" 1)", "if x > (1 {  # note:", "for k in m { print(m[k] 1) }  # todo:",
                "let a = 7 // 2 3", "let var = 1 2", "let function = 1 2")) {
            assertEquals(false, report(line + "\n").contains("hint"), line);
        }
    }

    @Test
    void misplacedStatements() {
        assertEquals(List.of("1:1: 'break' outside loop"), errors("break"));
        assertEquals(List.of("1:33: 'continue' outside loop"), errors("fn f() { for x in [] { fn g() { continue } } }"));
        assertEquals(List.of("1:1: 'return' outside function"), errors("return 1"));
    }

    @Test
    void invalidTargets() {
        assertEquals(List.of("1:1: cannot assign to this expression"), errors("f() = 1"));
        assertEquals(List.of("1:1: cannot assign to this expression"), errors("a + b = 1"));
        assertEquals(List.of("1:15: 'spawn' needs a call, as in: spawn worker(1)"), errors("let t = spawn worker"));
        // A spawn is no target, whatever trailers follow its call.
        assertEquals(List.of("1:1: cannot assign to this expression"), errors("spawn f = 1"));
        assertEquals(List.of("1:1: cannot assign to this expression"), errors("spawn f()[0] = 1"));
        assertEquals(List.of("1:1: cannot assign to this expression"), errors("xs[1:2] = 1"));
    }

    @Test
    void spawnWithoutACall() {
        assertEquals(List.of("1:15: 'spawn' needs a call, as in: spawn worker(1)"), errors("let t = spawn 3"));
        assertEquals(List.of("1:15: 'spawn' needs a call, as in: spawn worker(1)"), errors("let t = spawn xs[0]"));
        // The inner spawn is the outer one's operand, and not a call.
        assertEquals(List.of("1:7: 'spawn' needs a call, as in: spawn worker(1)"), errors("spawn spawn f()"));
        assertEquals(List.of("1:7: 'spawn' passes positional arguments only: spawn worker(1, 2)"), errors("spawn f(a=1)"));
    }

    @Test
    void severalExpressionsWithoutAnAssignment() {
        // The grammar parses `a, b` as the targets of an assignment whose operator is missing
        // (Toy.g4, statement); the error names the token where the operator should be.
        assertEquals(List.of("1:5: unexpected end of line, expected '='"), errors("a, b\n"));
        assertEquals(List.of("1:5: unexpected end of file, expected '='"), errors("a, b"));
        // A third target where the operator should be: the comma is named too (twoElementsSideBySideNameTheMissingComma).
        assertEquals(List.of("1:6: unexpected name 'c', expected ',' or '=' (a missing ',' before it?)"), errors("a, b c = 1"));
        assertEquals(List.of("1:5: unexpected ';', expected '='"), errors("a, b; c = 1"));
        assertEquals(List.of("1:16: unexpected '}', expected '='"), errors("if true { a, b }"));
        assertEquals(List.of("2:12: unexpected end of line, expected '='", "3:7: unexpected number 2, expected end of file, ';' or end of line"),
                errors("let a = 1\nprint(a), a\na = 1 2\n"));
    }

    @Test
    void everyErrorIsReported() {
        assertEquals(List.of("2:5: 'x' is already declared in this block",
                        "3:15: comparisons cannot be chained; combine them with 'and'"),
                errors("let x = 1\nlet x = 2\nlet y = 1 < 2 < 3"));
        assertEquals(List.of("1:9: invalid character '$'", "2:9: unterminated string literal"),
                errors("let a = $\nlet b = \"oops"));
        assertEquals(List.of("1:9: unterminated string literal"), errors("let s = f\"abc {x\nprint(1)"));
    }

    @Test
    void reportShowsTheLineAndACaret() {
        CompileException e = assertThrows(CompileException.class,
                () -> Compiler.compile(new SourceFile("t.toy", "let x = 1\n\tlet y = (1 +)\n"), new Globals()));
        assertEquals("t.toy:2:14: error: unexpected ')'\n\tlet y = (1 +)\n\t            ^\n", e.report());
    }

    @Test
    void anErrorInsideAnFStringPointsAtItsOwnLineAndColumn() {
        assertEquals(List.of("2:15: unexpected '}'"), errors("let n = 1\nlet s = f\"{n +}\""));
        assertEquals(List.of("1:14: unexpected name 'b', expected '}'"), errors("let s = f\"{a b}\""));
        assertEquals(List.of("1:11: f-string: empty expression not allowed"), errors("let s = f\"{}\""));
        assertEquals(List.of("1:12: f-string: single '}' is not allowed"), errors("let s = f\"a}\""));
        assertEquals(List.of("1:11: f-string: expecting '}'"), errors("let s = f\"{n\""));
    }

    @Test
    void aMistypedConstructGetsOneErrorNotACascade() {
        assertEquals(List.of("1:10: expected ')' but found '{'"),
                errors("fn f(a=1 {\n    return a\n}\nprint(f())\nlet y = 2\nprint(y)"));
        assertEquals(List.of("1:9: '[' was never closed"), errors("let x = [1, 2\nprint(x)\nlet y = 3\nprint(y)"));
        assertEquals(List.of("1:11: expected ')' but found '{'"), errors("if (x > 1 {\n  print(1)\n}\nprint(2)"));
    }

    @Test
    void twoElementsSideBySideNameTheMissingComma() {
        // As CPython's "Perhaps you forgot a comma?": the comma among what was expected, and the hint.
        assertEquals("""
                t.toy:1:9: error: unexpected number 2, expected ',' or ')' (a missing ',' before it?)
                print(1 2)
                        ^
                """, report("print(1 2)\n"));
        assertEquals(List.of("1:13: unexpected name 'b', expected ',' or ')' (a missing ',' before it?)"),
                errors("let x = f(a b)"));
        // Where ANTLR expected a long list (any operator after 2), the list's own ',' or ')'.
        assertEquals(List.of("1:9: unexpected number 2, expected ',' or ')' (a missing ',' before it?)"),
                errors("print(1 2 3)"));
        assertEquals(List.of("1:11: unexpected name 'y', expected ',' or ')' (a missing ',' before it?)"),
                errors("print(x=1 y=2)"));
        assertEquals(List.of("1:12: unexpected number 2, expected ',', 'for' or ']' (a missing ',' before it?)"),
                errors("let x = [1 2]"));
        assertEquals(List.of("1:17: unexpected string \"b\", expected '}', ',' or 'for' (a missing ',' before it?)"),
                errors("let m = {\"a\": 1 \"b\": 2}"));
        assertEquals(List.of("1:10: unexpected name 'b', expected ',' or ')' (a missing ',' before it?)"),
                errors("fn f(a=1 b) { }"));
        assertEquals(List.of("1:14: unexpected name 'b', expected ',' or ')' (a missing ',' before it?)"),
                errors("let g = fn(a b) { }"));
        assertEquals(List.of("1:7: unexpected name 'v', expected ',' or 'in' (a missing ',' before it?)"),
                errors("for k v in m { }"));
        assertEquals(List.of("1:10: unexpected name 'c', expected ',', '=' or end of line (a missing ',' before it?)"),
                errors("let a, b c = 1"));
        assertEquals(List.of("1:14: unexpected number 2, expected ',' or end of line (a missing ',' before it?)"),
                errors("let a, b = 1 2"));
    }

    @Test
    void noCommaIsSuggestedWhereNoneFits() {
        // Toy has no tuples: parentheses around one expression and a subscript take no comma.
        assertEquals(List.of("1:10: unexpected number 2, expected ')'"), errors("print((1 2))"));
        assertEquals(List.of("1:14: unexpected number 2, expected ':' or ']'"), errors("let y = xs[1 2]"));
        // Nor after a comprehension, before a parameter that is no name, or between two expressions alone.
        assertEquals(List.of("1:24: unexpected name 'y', expected 'for' or ']'"), errors("let l = [x for x in xs y]"));
        assertEquals(List.of("1:8: unexpected number 1, expected ')'"), errors("fn f(a 1) { }"));
        assertEquals(List.of("1:3: unexpected name 'y', expected end of file, ';' or end of line"), errors("x y = 1"));
        assertEquals(List.of("1:7: unexpected name 'b', expected end of file, ';' or end of line"), errors("let a b = 1"));
        // A '{' after an expression opens a block, which cannot start inside brackets.
        assertEquals(List.of("1:9: unexpected '{'"), errors("print(a {\n}\n"));
        // On the next line it is more likely a bracket left open (aBracketLeftOpen...), or a line broken.
        assertEquals(List.of("2:3: unexpected name 'b', expected ')'"), errors("print(a\n  b)\n"));
        // A for without its 'in' lacks the 'in', not a comma.
        assertEquals(List.of("1:7: unexpected name 'range', expected ',' or 'in'"), errors("for i range(3) { }"));
        assertEquals(List.of("1:16: unexpected name 'xs', expected ',' or 'in'"), errors("print([x for x xs])"));
        // Touching tokens are one word Toy does not know: an octal literal, a raw string.
        assertEquals(List.of("1:8: unexpected name 'o17', expected ')'"), errors("print(0o17)"));
        assertEquals(List.of("1:8: unexpected string \"x\", expected ')'"), errors("print(r\"x\")"));
    }

    @Test
    void anErrorAtTheEndOfTheFileIsOnItsLastLineWithCode() {
        // Not on the empty line after the final line break, nor on blank lines or a comment after the code.
        assertEquals("""
                t.toy:2:7: error: unexpected end of file
                a[0],\s
                      ^
                """, report("let a = [1]\na[0], \n"));
        assertEquals(List.of("2:7: unexpected end of file"), errors("let a = [1]\na[0], "));
        // A string left open runs to the end of the file: its own error, and no second one past the end.
        assertEquals(List.of("1:10: unterminated string literal"), errors("for x in \"\"\"abc\n"));
        assertEquals(List.of("1:8: unexpected end of file"), errors("let x =\n\n\n# trailing\n\n"));
        assertEquals(List.of("1:12: unexpected end of file"), errors("let x = 1 +\r\n\r\n"));
        assertEquals(List.of("1:3: expected a name but found end of file"), errors("x.\n"));
        // A triple-quoted string ends on a later line than it starts.
        assertEquals(List.of("2:8: unexpected end of file"), errors("let x = \"\"\"a\nbc\"\"\" +\n\n"));
        // A comment after the code is part of its line.
        assertEquals(List.of("1:14: unexpected end of file"), errors("let x = # why\n"));
        // An f-string's field ends at its '}', even on the line after its code.
        assertEquals(List.of("2:1: unexpected '}'"), errors("let s = f\"\"\"{a +\n}\"\"\"\n"));
    }

    @Test
    void argumentsAndParametersInTheWrongOrder() {
        assertEquals(List.of("1:11: positional argument follows keyword argument"), errors("f(a, b=1, 2)"));
        assertEquals(List.of("1:8: keyword argument repeated: b"), errors("f(b=1, b=2)"));
        assertEquals(List.of("1:11: a parameter without a default follows one with a default"), errors("fn f(a=1, b) { }"));
        assertEquals(List.of("1:6: an augmented assignment takes one target and one value"), errors("a, b += 1"));
    }
}
