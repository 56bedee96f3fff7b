package toy.runtime;

import java.util.ArrayList;
import java.util.List;

/** The methods of str: {@code s.split(sep)} and {@code sep.join(items)}. */
final class StrMethods {
    private static final Arity SPLIT = Arity.takes("split", 0, 1);
    private static final Arity JOIN = Arity.takes("str.join", 1, 1);

    private StrMethods() {
    }

    static boolean has(String name) {
        return name.equals("split") || name.equals("join");
    }

    /** The method's result, or Java null if str has no such method. */
    static Object call(String s, String name, Object[] args) {
        switch (name) {
            case "split" -> {
                SPLIT.check(args.length);
                return args.length == 0 || args[0] == Nil.NIL ? splitWhitespace(s) : split(s, args[0]);
            }
            case "join" -> {
                JOIN.check(args.length);
                return join(s, args[0]);
            }
            default -> {
                return null;
            }
        }
    }

    /** Python's split(): runs of whitespace separate, and no empty strings result. */
    private static ToyList splitWhitespace(String s) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Whitespace.isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            int start = i;
            while (i < s.length() && !Whitespace.isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i > start) {
                parts.add(s.substring(start, i));
            }
        }
        return ToyList.of(parts.toArray());
    }

    private static ToyList split(String s, Object separator) {
        if (!(separator instanceof String sep)) {
            throw ToyError.typeError("must be str or nil, not " + Values.typeName(separator));
        }
        if (sep.isEmpty()) {
            throw ToyError.valueError("empty separator");
        }
        ToyList parts = new ToyList();
        int start = 0;
        for (int at; (at = s.indexOf(sep, start)) >= 0; start = at + sep.length()) {
            parts.add(s.substring(start, at));
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String join(String separator, Object items) {
        ToyIterator it;
        try {
            it = Iteration.iterator(items);
        } catch (ToyError e) {
            throw ToyError.typeError("can only join an iterable");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; it.hasNext(); i++) {
            Object item = it.next();
            if (!(item instanceof String s)) {
                throw ToyError.typeError("sequence item " + i + ": expected str instance, " + Values.typeName(item) + " found");
            }
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(s);
        }
        return sb.toString();
    }
}
