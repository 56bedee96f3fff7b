package toy.interpreter.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import toy.interpreter.compiler.SourceFile;

/** Reads a script as UTF-8; a file that cannot be read or decoded is reported in one line. */
public final class ScriptFile {
    private ScriptFile() {
    }

    /** A script that could not be loaded; the message is the whole report. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        public final int status;

        Unreadable(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /**
     * Whether {@code name} names an existing regular file: false too for a name this system's
     * locale cannot encode (the script's own error, "can't open", says so once it is read).
     */
    static boolean isRegularFile(String name) {
        try {
            return Files.isRegularFile(Path.of(name));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    public static SourceFile read(String name) throws Unreadable {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            // A name the file system's encoding cannot hold: non-ASCII under LANG=C, as CPython's
            // "can't open file" for a name it cannot encode.
            throw new Unreadable("toy: can't open file '" + name + "': the name cannot be encoded in this locale ("
                    + System.getProperty("sun.jnu.encoding") + "); run it under a UTF-8 locale such as C.UTF-8",
                    ExitStatus.NO_INPUT);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new Unreadable("toy: can't open file '" + name + "': No such file or directory", ExitStatus.NO_INPUT);
        } catch (IOException | RuntimeException e) {
            String reason = Files.isDirectory(path) ? "Is a directory" : "cannot be read";
            throw new Unreadable("toy: can't open file '" + name + "': " + reason, ExitStatus.NO_INPUT);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new SourceFile(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            throw new Unreadable(name + ": error: the file is not UTF-8 text", ExitStatus.COMPILE_ERROR);
        }
    }
}
