package toy.interpreter.compiler;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What to say under a compile error on a line written the way Python would write it: Toy's
 * users come from Python (README), and ANTLR's message alone ("unexpected name 'f'") does
 * not tell them that {@code def} is {@code fn} here. One hint per line, the first that fits;
 * the line's strings and its comment are left out first, and each pattern asks for Python's
 * whole shape ({@code def name(}, not the word), since {@code def} or {@code class} may be
 * names in Toy.
 */
final class PythonHints {
    private record Hint(Pattern line, String text) {
    }

    private static final List<Hint> HINTS = List.of(
            hint("^\\s*def\\s+\\w+\\s*\\(", "Toy declares a function with fn: fn name(a, b) { ... }"),
            hint("^\\s*class\\s+\\w+\\s*[(:]", "Toy has no classes: keep the fields in a map, the behaviour in functions"),
            hint("^\\s*(import\\s+[\\w.]+(\\s*,\\s*[\\w.]+)*\\s*$|from\\s+[\\w.]+\\s+import\\b)",
                    "Toy has no modules to import: its builtins are always there"),
            hint("\\blambda\\b[^:]*:", "Toy writes an anonymous function with fn: fn(x) { return x * 2 }"),
            hint("^\\s*}?\\s*except\\b(?!\\s*=)", "Toy catches an error with try { ... } catch e { ... }"),
            hint("^\\s*}?\\s*(if|elif|else|while|for|try|with|fn|def)\\b[^{]*:\\s*$",
                    "Toy puts a block in braces, not after a colon: if x { ... } else { ... }"));

    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"|'([^'\\\\]|\\\\.)*'");
    private static final Pattern COMMENT = Pattern.compile("#.*$");

    private PythonHints() {
    }

    private static Hint hint(String line, String text) {
        return new Hint(Pattern.compile(line), text);
    }

    /** The hint for a source line, or null when it does not look like Python. */
    static String forLine(String line) {
        String code = COMMENT.matcher(STRING.matcher(line).replaceAll("\"\"")).replaceAll("");
        for (Hint h : HINTS) {
            if (h.line.matcher(code).find()) {
                return h.text;
            }
        }
        return null;
    }
}
