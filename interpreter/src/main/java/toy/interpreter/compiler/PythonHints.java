package toy.interpreter.compiler;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to say under a compile error on a line written the way Python would write it: Toy's
 * users come from Python (README), and ANTLR's message alone ("unexpected name 'f'") does
 * not tell them that {@code def} is {@code fn} here. One hint per line, the first that fits;
 * the line's strings and its comment are left out first, and each pattern asks for Python's
 * whole shape ({@code def name(}, not the word), since {@code def} or {@code class} may be
 * names in Toy.
 *
 * <p>Also JavaScript's and C's habits: the arrow {@code =>}, {@code function}, {@code var} and
 * {@code const}, comments with {@code //} or {@code /*}, and the boolean operators
 * {@code &&}, {@code ||} and {@code !}, which Toy spells as Python does: those are said about
 * the character the error points at, since they are invalid characters in Toy. A single
 * {@code &} or {@code |} (Python's bitwise operators, which Toy does not have) gets no hint.
 */
final class PythonHints {
    private record Hint(Pattern line, String text) {
    }

    /** A boolean operator of C and JavaScript, Toy's word for it, and that word in use. */
    private record Operator(String spelling, String word, String example) {
        String text() {
            return "Toy writes '" + word + "' for '" + spelling + "', as Python does: " + example;
        }
    }

    private static final List<Operator> OPERATORS = List.of(
            new Operator("&&", "and", "if a and b { ... }"),
            new Operator("||", "or", "if a or b { ... }"),
            new Operator("!", "not", "if not done { ... }"));

    private static final List<Hint> HINTS = List.of(
            hint("^\\s*(def|function)\\s+\\w+\\s*\\(", "Toy declares a function with fn: fn name(a, b) { ... }"),
            hint("^\\s*(var|const)\\s+\\w+\\s*=", "Toy declares a variable with let: let x = 1"),
            hint("^\\s*//|/\\*", "Toy's comments start with # and run to the end of the line (// is floor division)"),
            hint("^\\s*class\\s+\\w+\\s*[(:]", "Toy has no classes: keep the fields in a map, the behaviour in functions"),
            hint("^\\s*(import\\s+[\\w.]+(\\s*,\\s*[\\w.]+)*\\s*$|from\\s+[\\w.]+\\s+import\\b)",
                    "Toy has no modules to import: its builtins are always there"),
            hint("\\blambda\\b[^:]*:", "Toy writes an anonymous function with fn: fn(x) { return x * 2 }"),
            hint("=>", "Toy has no '=>': a function expression has a block, fn(x) { return x * 2 }"),
            hint("(^|})\\s*except\\b(?!\\s*=)", "Toy catches an error with try { ... } catch e { ... }"),
            hint("\\bcatch\\s+\\w+\\s+as\\b", "Toy's catch takes every error, by a name only: catch e { if e.kind == \"ValueError\" { ... } }"),
            hint("(^|[;{])\\s*raise\\s*($|[;}])", "Toy raises a caught error again by its name: catch e { ...; raise e }"),
            hint("(^|})\\s*finally\\b(?!\\s*=)",
                    "Toy has no finally: catch e, clean up, then raise e (a with block releases its lock by itself)"),
            hint("(^|[;{])\\s*del\\s+\\w", "Toy has no del: xs.pop(i) removes a list's item, m.pop(k) a map's key"),
            hint("\\bis\\s+(not\\s+)?[\\w\"'(\\[{-]", "Toy has no 'is': it compares with == and !=, as in x == nil, x != nil"),
            hint("\\*\\*=", "Toy has no **=: write x = x ** n"),
            hint("\\b0[oObB][0-9]", "Toy writes ints in decimal or hex (0x1f); int(\"17\", 8) and int(\"101\", 2) read the others"),
            hint("^\\s*}?\\s*(if|elif|else|while|for|try|with|fn|def)\\b[^{]*:\\s*$",
                    "Toy puts a block in braces, not after a colon: if x { ... } else { ... }"));

    /** A line that begins with a word that continues the statement before it. */
    private static final Pattern CONTINUATION = Pattern.compile("^(\\s*)(else|elif|catch)\\b");
    private static final String CONTINUATION_HINT =
            "else, elif and catch go after the '}' of an if's or a try's block (at the prompt, on its line: } else {)";

    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"|'([^'\\\\]|\\\\.)*'");
    private static final Pattern COMMENT = Pattern.compile("#.*$");

    private PythonHints() {
    }

    private static Hint hint(String line, String text) {
        return new Hint(Pattern.compile(line), text);
    }

    /**
     * The hint for an error with {@code message} at {@code column} (1-based, as in the report)
     * of source line {@code line}: when the lexer did not know the character there and it
     * begins {@code &&}, {@code ||} or a lone {@code !}, about that operator; else
     * {@link #forLine}'s. (A {@code !} inside an f-string's braces is Python's conversion mark,
     * reported as something else; {@code ! =} was meant as {@code !=}: neither is C's not.) An
     * error at an {@code else}, {@code elif} or {@code catch} that begins its line is that word
     * with no block before it (at the REPL, where the input ended at the '}' above).
     */
    static String forError(String line, int column, String message) {
        if (message.startsWith(NewlineFilter.INVALID_CHARACTER)) {
            int at = column - 1;
            for (Operator op : OPERATORS) {
                if (line.startsWith(op.spelling, at)
                        && !(op.spelling.equals("!") && line.substring(at + 1).stripLeading().startsWith("="))) {
                    return op.text();
                }
            }
        }
        Matcher continuation = CONTINUATION.matcher(line);
        if (continuation.find() && column == continuation.group(1).length() + 1) {
            return CONTINUATION_HINT;
        }
        return forLine(line);
    }

    /** The hint for a source line, or null when it does not look like Python. */
    private static String forLine(String line) {
        String code = COMMENT.matcher(STRING.matcher(line).replaceAll("\"\"")).replaceAll("");
        for (Hint h : HINTS) {
            if (h.line.matcher(code).find()) {
                return h.text;
            }
        }
        return null;
    }
}
