package toy.interpreter.compiler;

import java.util.List;

/** A script's name (as the user gave it) and text, split into lines for error reports. */
public final class SourceFile {
    private final String name;
    private final String text;
    private final List<String> lines;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        this.lines = text.lines().toList();
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** Every line, without line breaks. */
    public List<String> lines() {
        return lines;
    }

    /** The text of a 1-based line, or "" past the end. */
    public String line(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
