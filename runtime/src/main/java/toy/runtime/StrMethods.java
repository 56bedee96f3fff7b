package toy.runtime;

import java.util.Locale;

/** The methods of str (LANGUAGE.md section 5), with Python's behaviour and messages. */
final class StrMethods {
    static final MethodTable<String> TABLE = new MethodTable<String>()
            .add("split", StrMethods::split)
            .add("join", Arity.takes("str.join", 1, 1), (s, a) -> join(s, a[0]))
            .add("strip", Arity.takes("strip", 0, 1), (s, a) -> strip(s, a, true, true))
            .add("lstrip", Arity.takes("lstrip", 0, 1), (s, a) -> strip(s, a, true, false))
            .add("rstrip", Arity.takes("rstrip", 0, 1), (s, a) -> strip(s, a, false, true))
            .add("upper", Arity.takes("str.upper", 0, 0), (s, a) -> s.toUpperCase(Locale.ROOT))
            .add("lower", Arity.takes("str.lower", 0, 0), (s, a) -> s.toLowerCase(Locale.ROOT))
            .add("replace", Arity.expects("replace", 2, 3), StrMethods::replace)
            .add("find", Arity.takes("find", 1, 1), (s, a) -> find(s, text(a[0])))
            .add("index", Arity.takes("index", 1, 1), (s, a) -> {
                long at = find(s, text(a[0]));
                if (at < 0) {
                    throw ToyError.valueError("substring not found");
                }
                return at;
            })
            .add("count", Arity.takes("count", 1, 1), (s, a) -> count(s, text(a[0])))
            .add("startswith", Arity.takes("startswith", 1, 1), (s, a) -> affix(s, a[0], "startswith"))
            .add("endswith", Arity.takes("endswith", 1, 1), (s, a) -> affix(s, a[0], "endswith"))
            .add("splitlines", Arity.takes("splitlines", 0, 0), (s, a) -> splitlines(s))
            .add("isdigit", Arity.takes("str.isdigit", 0, 0), (s, a) -> every(s, Digits::isDigit))
            .add("isalpha", Arity.takes("str.isalpha", 0, 0), (s, a) -> every(s, Character::isLetter))
            .add("isspace", Arity.takes("str.isspace", 0, 0), (s, a) -> every(s, Whitespace::isSpace));

    private static final Arity SPLIT_ARITY = Arity.takes("split", 0, 2);

    private StrMethods() {
    }

    /** {@code split(sep=nil, maxsplit=-1)}: without a separator, runs of whitespace separate. */
    private static Object split(String s, Caller caller, Object[] args, Keywords keywords) {
        keywords.allowOnly("split", "sep", "maxsplit");
        SPLIT_ARITY.check(args.length);
        Object sep = args.length > 0 ? args[0] : keywords.get("sep");
        Object max = args.length > 1 ? args[1] : keywords.get("maxsplit");
        long maxsplit = max == null ? -1 : Conversions.index(max);
        if (maxsplit < 0) {
            maxsplit = Long.MAX_VALUE;
        }
        return split(s, sep == null ? Nil.NIL : sep, maxsplit);
    }

    /** {@code s.split(sep, maxsplit)} with maxsplit at least 0 (Long.MAX_VALUE for no limit): by whitespace when sep is nil. */
    static ToyList split(String s, Object sep, long maxsplit) {
        return sep == Nil.NIL ? splitWhitespace(s, maxsplit) : splitOn(s, sep, maxsplit);
    }

    /** Python's split(): runs of whitespace separate, and no empty strings result. */
    private static ToyList splitWhitespace(String s, long maxsplit) {
        ToyList parts = new ToyList();
        int n = s.length();
        int i = 0;
        while (i < n) {
            i = skip(s, i, true);
            if (i == n) {
                break;
            }
            if (parts.size() == maxsplit) {
                // The rest as it is, trailing whitespace included, as CPython's split_whitespace does.
                parts.add(s.substring(i));
                break;
            }
            int start = i;
            i = skip(s, i, false);
            parts.add(s.substring(start, i));
        }
        return parts;
    }

    /** The offset of the first code point at or after {@code i} that is whitespace when {@code space} is false, and not when it is true. */
    private static int skip(String s, int i, boolean space) {
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (Whitespace.isSpace(cp) != space) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    private static ToyList splitOn(String s, Object separator, long maxsplit) {
        if (!(separator instanceof String sep)) {
            throw ToyError.typeError("must be str or nil, not " + Values.typeName(separator));
        }
        if (sep.isEmpty()) {
            throw ToyError.valueError("empty separator");
        }
        ToyList parts = new ToyList();
        int start = 0;
        for (int at; parts.size() < maxsplit && (at = s.indexOf(sep, start)) >= 0; start = at + sep.length()) {
            parts.add(s.substring(start, at));
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** {@code sep.join(items)}: a list's items are measured first, so the result is built in one buffer of its size. */
    static String join(String separator, Object items) {
        Object[] parts;
        if (items instanceof ToyList list) {
            parts = list.toArray();
        } else {
            ToyIterator it;
            try {
                it = Iteration.iterator(items);
            } catch (ToyError e) {
                throw ToyError.typeError("can only join an iterable");
            }
            ToyList all = new ToyList();
            while (it.hasNext()) {
                // Checked as they come: a range of ints fails at its first item, not after the last.
                all.add(joinable(all.size(), it.next()));
            }
            parts = all.toArray();
        }
        long length = (long) separator.length() * Math.max(0, parts.length - 1);
        for (int i = 0; i < parts.length; i++) {
            length += joinable(i, parts[i]).length();
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw ToyError.overflowError("join() result is too long");
        }
        StringBuilder sb = new StringBuilder((int) length);
        boolean separated = !separator.isEmpty();
        for (int i = 0; i < parts.length; i++) {
            if (separated && i > 0) {
                sb.append(separator);
            }
            String part = (String) parts[i];
            // One character (iterating a str, str of a digit) without append(String)'s array copy:
            // joining a million of them took 8 ms that way and 3 ms this way, once compiled.
            if (part.length() == 1) {
                sb.append(part.charAt(0));
            } else {
                sb.append(part);
            }
        }
        return sb.toString();
    }

    /** The i-th item of a join, which must be a str. */
    private static String joinable(int i, Object item) {
        if (item instanceof String s) {
            return s;
        }
        throw ToyError.typeError("sequence item " + i + ": expected str instance, " + Values.typeName(item) + " found");
    }

    /** strip(chars?): whitespace, or any of the given characters, off either or both ends. */
    private static String strip(String s, Object[] args, boolean left, boolean right) {
        Object chars = args.length == 0 ? Nil.NIL : args[0];
        if (chars != Nil.NIL && !(chars instanceof String)) {
            throw ToyError.typeError((left && right ? "strip" : left ? "lstrip" : "rstrip")
                    + " arg must be nil or str");
        }
        String set = chars == Nil.NIL ? null : (String) chars;
        int start = 0;
        int end = s.length();
        while (left && start < end && strips(set, s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (right && end > start && strips(set, s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean strips(String set, int cp) {
        return set == null ? Whitespace.isSpace(cp) : set.indexOf(cp) >= 0;
    }

    /** replace(old, new, count=-1); an empty old inserts new between every character, as Python does. */
    private static String replace(String s, Object[] a) {
        String old = text(a[0]);
        String replacement = text(a[1]);
        long count = a.length > 2 ? Conversions.index(a[2]) : -1;
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        StringBuilder sb = new StringBuilder();
        if (old.isEmpty()) {
            int i = 0;
            long done = 0;
            while (done < count) {
                sb.append(replacement);
                done++;
                if (i >= s.length()) {
                    break;
                }
                int cp = s.codePointAt(i);
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            return sb.append(s, Math.min(i, s.length()), s.length()).toString();
        }
        int start = 0;
        long done = 0;
        for (int at; done < count && (at = s.indexOf(old, start)) >= 0; start = at + old.length(), done++) {
            sb.append(s, start, at).append(replacement);
        }
        return sb.append(s, start, s.length()).toString();
    }

    /** The code point index of sub in s, or -1. */
    private static long find(String s, String sub) {
        int at = s.indexOf(sub);
        return at < 0 ? -1 : s.codePointCount(0, at);
    }

    private static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.codePointCount(0, s.length()) + 1L;
        }
        long n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    /** startswith/endswith of a str, or of any str in a list. */
    private static boolean affix(String s, Object affix, String method) {
        if (affix instanceof String a) {
            return method.equals("startswith") ? s.startsWith(a) : s.endsWith(a);
        }
        if (affix instanceof ToyList list) {
            for (Object item : list.toArray()) {
                if (affix(s, item instanceof String ? item : Nil.NIL, method)) {
                    return true;
                }
            }
            return false;
        }
        throw ToyError.typeError(method + " first arg must be str or a list of str, not " + Values.typeName(affix));
    }

    /** Python's line boundaries: \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029. */
    private static ToyList splitlines(String s) {
        ToyList lines = new ToyList();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean boundary = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)
                    || c == 0x85 || c == 0x2028 || c == 0x2029;
            if (!boundary) {
                i++;
                continue;
            }
            lines.add(s.substring(start, i));
            i += c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
            start = i;
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static boolean every(String s, java.util.function.IntPredicate test) {
        return !s.isEmpty() && s.codePoints().allMatch(test);
    }

    /** A str argument; CPython's message otherwise. */
    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw ToyError.typeError("must be str, not " + Values.typeName(v));
    }
}
