package toy.runtime;

/** Python's notion of whitespace ({@code str.isspace}), used by split, int() and float(). */
final class Whitespace {
    private Whitespace() {
    }

    /** {@link #isSpace} of each Latin-1 code point, worked out once: split() asks it of every character. */
    private static final boolean[] LATIN_1 = new boolean[256];

    static {
        for (int c = 0; c < LATIN_1.length; c++) {
            LATIN_1[c] = isSpaceByUnicode(c);
        }
    }

    /** CPython's rule: bidirectional class WS, B or S, or general category Zs. */
    static boolean isSpace(int cp) {
        return cp < LATIN_1.length ? LATIN_1[cp] : isSpaceByUnicode(cp);
    }

    private static boolean isSpaceByUnicode(int cp) {
        if (Character.getType(cp) == Character.SPACE_SEPARATOR) {
            return true;
        }
        byte d = Character.getDirectionality(cp);
        return d == Character.DIRECTIONALITY_WHITESPACE || d == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
                || d == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
    }

    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }
}
