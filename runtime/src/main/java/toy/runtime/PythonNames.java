package toy.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's names (and a few of other languages) that Toy spells otherwise or does without, and
 * what Toy has for each: the one table behind the word for Python's users where such a name is
 * read and not defined (a NameError, {@link #nameErrorNote}) and where {@code type(x)} or an
 * error's kind is compared with it (the compiler's check of such comparisons). Toy's users come
 * from Python (README); each entry says the same thing in both places.
 */
public final class PythonNames {
    /**
     * What Toy has for one of Python's names.
     *
     * @param name  Python's spelling
     * @param value the name of Toy's builtin or constant for the same thing ({@code None}:
     *              {@code nil}), or null
     * @param type  what {@code type(x)} gives in Toy for a value of the type Python's name
     *              names ({@code dict}: {@code map}; every error's is {@code Error}), or null
     * @param kinds for an exception of Python's, the error kinds of Toy it stands for (each a
     *              name of {@link ErrorKinds#KINDS}; all of them for {@code Exception}; none
     *              for one no {@code catch} sees), or null for a name that is no exception
     * @param note  what Toy does instead, said after the name (a phrase), or null
     */
    public record Entry(String name, String value, String type, List<String> kinds, String note) {
        /** Whether this exception of Python's is the base of every error ({@code Exception}): any kind is one. */
        public boolean isEveryKind() {
            return ErrorKinds.KINDS.equals(kinds);
        }
    }

    private static final String COMPREHENSION = "Toy maps and filters with a comprehension: [f(x) for x in xs if ok(x)]";

    private static final List<Entry> ENTRIES = List.of(
            new Entry("True", "true", null, null, null),
            new Entry("False", "false", null, null, null),
            new Entry("None", "nil", "nil", null, null),
            new Entry("null", "nil", "nil", null, null),
            new Entry("NoneType", null, "nil", null, null),
            new Entry("dict", null, "map", null, "a map in Toy is written {} or {\"key\": value}"),
            new Entry("set", null, "map", null, "Toy has no sets: a map's keys serve, {x: true for x in xs}"),
            new Entry("tuple", null, "list", null, "Toy has no tuples: a list serves"),
            new Entry("string", null, "str", null, null),
            new Entry("integer", null, "int", null, null),
            new Entry("boolean", null, "bool", null, null),
            new Entry("method", null, "builtin", null, null),
            new Entry("builtin_function_or_method", null, "builtin", null, null),
            new Entry("isinstance", null, null, null, "Toy tests a type by its name: type(x) == \"int\""),
            new Entry("map", null, null, null, COMPREHENSION),
            new Entry("filter", null, null, null, COMPREHENSION),
            new Entry("pass", null, null, null, "an empty block in Toy is {}"),
            new Entry("Exception", "Error", "Error", ErrorKinds.KINDS, null),
            new Entry("BaseException", "Error", "Error", ErrorKinds.KINDS, null),
            base("LookupError", "KeyError", "IndexError"),
            base("ArithmeticError", "ZeroDivisionError", "OverflowError"),
            new Entry("AttributeError", null, "Error", List.of("TypeError"),
                    "Toy has no AttributeError, a missing attribute is a TypeError"),
            new Entry("UnboundLocalError", "NameError", "Error", List.of("NameError"),
                    "a variable read before it is assigned is a NameError"),
            new Entry("KeyboardInterrupt", null, "Error", List.of(),
                    "only Ctrl-C raises it, and it ends the run (in toy repl, the input running) past every catch"),
            new Entry("SystemExit", null, "Error", List.of(), "exit(n) ends the run at once, past every catch"));

    private static final Map<String, Entry> BY_NAME = new HashMap<>();
    private static final Map<String, Entry> BY_LOWER_CASE = new HashMap<>();

    static {
        for (Entry entry : ENTRIES) {
            BY_NAME.put(entry.name, entry);
            BY_LOWER_CASE.putIfAbsent(entry.name.toLowerCase(Locale.ROOT), entry);
        }
    }

    private PythonNames() {
    }

    /** An exception of Python's that is the base of several of Toy's kinds, which Toy has without it. */
    private static Entry base(String name, String... kinds) {
        return new Entry(name, null, "Error", List.of(kinds),
                "Toy has no " + name + ", Python's base of " + String.join(" and ", kinds));
    }

    /** Every entry, in the table's order. */
    public static List<Entry> all() {
        return ENTRIES;
    }

    /** The entry for Python's name spelt exactly so, or null. */
    public static Entry of(String name) {
        return BY_NAME.get(name);
    }

    /** The entry for Python's name in any case ({@code "Dict"}, {@code "nonetype"}), or null. */
    public static Entry ofAnyCase(String name) {
        Entry exact = BY_NAME.get(name);
        return exact != null ? exact : BY_LOWER_CASE.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * What a NameError for reading Python's name adds to "name 'x' is not defined": CPython's
     * {@code ". Did you mean: 'nil'?"} where Toy has the thing under another name, else what
     * Toy does instead in parentheses, else "".
     */
    public static String nameErrorNote(String name) {
        Entry entry = BY_NAME.get(name);
        if (entry == null) {
            return "";
        }
        if (entry.value != null) {
            return Suggestions.didYouMean(entry.value);
        }
        return entry.note == null ? "" : " (" + entry.note + ")";
    }
}
