package toy.interpreter.compiler;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What to say under a compile error on a line written the way Python would write it: Toy's
 * users come from Python (README), and ANTLR's message alone ("unexpected name 'f'") does
 * not tell them that {@code def} is {@code fn} here. One hint per line, the first that fits.
 */
final class PythonHints {
    private record Hint(Pattern line, String text) {
    }

    private static final List<Hint> HINTS = List.of(
            hint("^\\s*def\\s", "Toy declares a function with fn: fn name(a, b) { ... }"),
            hint("^\\s*class\\s", "Toy has no classes: keep the fields in a map, the behaviour in functions"),
            hint("^\\s*(import|from)\\s", "Toy has no modules to import: its builtins are always there"),
            hint("\\blambda\\b", "Toy writes an anonymous function with fn: fn(x) { return x * 2 }"),
            hint("^\\s*}?\\s*except\\b", "Toy catches an error with try { ... } catch e { ... }"),
            hint("^\\s*pass\\s*(#.*)?$", "an empty block in Toy is {}"),
            hint("^\\s*}?\\s*(if|elif|else|while|for|try|with|fn)\\b.*:\\s*(#.*)?$",
                    "Toy puts a block in braces, not after a colon: if x { ... } else { ... }"));

    private PythonHints() {
    }

    private static Hint hint(String line, String text) {
        return new Hint(Pattern.compile(line), text);
    }

    /** The hint for a source line, or null when it does not look like Python. */
    static String forLine(String line) {
        for (Hint h : HINTS) {
            if (h.line.matcher(line).find()) {
                return h.text;
            }
        }
        return null;
    }
}
