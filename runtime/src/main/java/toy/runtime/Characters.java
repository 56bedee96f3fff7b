package toy.runtime;

/**
 * One-character strings, as iterating a str, {@code s[i]} and {@code chr(n)} give them: those
 * of Latin-1 (U+0000 to U+00FF) are made once and shared, like CPython's cache of one-character
 * Latin-1 strings, so that a loop over text makes no String per character.
 */
final class Characters {
    private static final String[] LATIN_1 = new String[256];

    static {
        for (int c = 0; c < LATIN_1.length; c++) {
            LATIN_1[c] = String.valueOf((char) c);
        }
    }

    private Characters() {
    }

    /** The str of one code point (0 to 0x10FFFF). */
    static String of(int codePoint) {
        return codePoint < LATIN_1.length ? LATIN_1[codePoint] : new String(Character.toChars(codePoint));
    }

    /** The code point of s at UTF-16 offset {@code at} as a str. */
    static String at(String s, int at) {
        char c = s.charAt(at);
        return c < LATIN_1.length ? LATIN_1[c] : of(s.codePointAt(at));
    }
}
