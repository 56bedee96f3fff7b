package toy.interpreter.compiler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.CRC32;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.CodeFile;
import toy.interpreter.bytecode.Globals;

/**
 * Compiled scripts kept between runs, as CPython keeps a module's bytecode in
 * {@code __pycache__}: a run of a script whose text, name and Toy build are those of an
 * earlier run loads that run's bytecode instead of parsing and compiling the script again. On
 * a start of about 100 ms that saves ANTLR's set-up and first parse, about a quarter (docs/speed.md,
 * "Start-up"). Only a script that compiled without errors is kept; errors are reported afresh
 * at each run.
 *
 * <p>Where: {@code $TOY_CACHE_DIR} if set (set and empty: no cache), else
 * {@code $XDG_CACHE_HOME/toy}, else {@code ~/.cache/toy}; a file per script path, named after
 * the script. A file holds a magic number and format version, the build of Toy that wrote it
 * (its jar's path, length and time: a Toy run from class directories, as in the tests, keeps
 * no cache unless given a build), the script's name as given and its whole text, the
 * bytecode ({@link CodeFile}), and a CRC-32 of all that. Any difference, a damaged or
 * unreadable file, or a directory that cannot be written is a miss: the script is compiled
 * as without a cache, and the cache is a speed-up only, never a source of errors. A file is
 * written under a name of its own and renamed into place, so that two runs at once never
 * read half of one.
 */
public final class BytecodeCache {
    /** "ToyC" in ASCII. */
    private static final int MAGIC = 0x546f7943;
    private static final int VERSION = 1;

    /** Null when there is no cache. */
    private final Path directory;
    private final String build;

    /** A cache in directory (null: none) for the Toy build named build. */
    public BytecodeCache(Path directory, String build) {
        this.directory = directory;
        this.build = build;
    }

    /** The cache of the running Toy build, at the place the environment names; one that keeps nothing without a jar. */
    public static BytecodeCache forThisBuild() {
        String classPath = System.getProperty("java.class.path", "");
        File jar = new File(classPath);
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator) || !jar.isFile()) {
            return new BytecodeCache(null, "");
        }
        String build = jar.getAbsolutePath() + " " + jar.length() + " " + jar.lastModified();
        return new BytecodeCache(directory(System.getenv("TOY_CACHE_DIR"), System.getenv("XDG_CACHE_HOME"),
                System.getProperty("user.home")), build);
    }

    /** The cache's directory from {@code $TOY_CACHE_DIR}, {@code $XDG_CACHE_HOME} and the home directory; null for none. */
    static Path directory(String toyCacheDir, String xdgCacheHome, String home) {
        if (toyCacheDir != null) {
            return toyCacheDir.isEmpty() ? null : Path.of(toyCacheDir);
        }
        // The XDG base directory specification: a relative path there is invalid and ignored.
        if (xdgCacheHome != null && xdgCacheHome.startsWith("/")) {
            return Path.of(xdgCacheHome, "toy");
        }
        return home == null || home.isEmpty() ? null : Path.of(home, ".cache", "toy");
    }

    /**
     * The script's top-level code, from the cache when it holds this text under this name for
     * this build, else compiled (and kept for the next run); its globals get slots in
     * {@code globals}, the same either way. Throws CompileException as {@link Compiler#compile}.
     */
    public Code compile(SourceFile source, Globals globals) throws CompileException {
        Path entry = entry(source);
        if (entry == null) {
            return Compiler.compile(source, globals);
        }
        Code cached = load(entry, source, globals);
        if (cached != null) {
            return cached;
        }
        Code code = Compiler.compile(source, globals);
        store(entry, source, code, globals);
        return code;
    }

    /** What the cache holds for source, its globals then added to globals; null for a miss, globals unchanged. */
    Code cached(SourceFile source, Globals globals) {
        Path entry = entry(source);
        return entry == null ? null : load(entry, source, globals);
    }

    /** The file for source's path, or null when there is no cache or the path names no file. */
    Path entry(SourceFile source) {
        if (directory == null) {
            return null;
        }
        Path script;
        try {
            script = Path.of(source.name()).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return null;
        }
        Path fileName = script.getFileName();
        if (fileName == null) {
            return null;
        }
        // The script's file name, readable in a listing of the cache, and its path's hash.
        StringBuilder readable = new StringBuilder();
        for (char c : fileName.toString().toCharArray()) {
            if (readable.length() < 60) {
                readable.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_');
            }
        }
        return directory.resolve(readable + "-" + Integer.toHexString(script.toString().hashCode()) + ".toyc");
    }

    private Code load(Path entry, SourceFile source, Globals globals) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(entry);
        } catch (IOException | RuntimeException e) {
            // No file (the first run), or one that cannot be read: a miss either way.
            return null;
        }
        if (bytes.length < Long.BYTES) {
            return null;
        }
        int length = bytes.length - Long.BYTES;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        if (ByteBuffer.wrap(bytes).getLong(length) != crc.getValue()) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, length));
        try {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !CodeFile.readString(in).equals(build)
                    || !CodeFile.readString(in).equals(source.name()) || !CodeFile.readString(in).equals(source.text())) {
                return null;
            }
            return CodeFile.read(in, globals, source.lines());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void store(Path entry, SourceFile source, Code code, Globals globals) {
        byte[] bytecode;
        try {
            bytecode = CodeFile.write(code, globals);
        } catch (CodeFile.UnsupportedConstant e) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(bytecode.length + source.text().length() * 2 + 256);
        byte[] file;
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            CodeFile.writeString(out, build);
            CodeFile.writeString(out, source.name());
            CodeFile.writeString(out, source.text());
            out.write(bytecode);
            out.writeLong(0);
            file = bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError("writing to memory", e);
        }
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - Long.BYTES);
        ByteBuffer.wrap(file).putLong(file.length - Long.BYTES, crc.getValue());
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            // A name of this process's own (Files.createTempFile would seed a SecureRandom for
            // its name: about 10 ms of a first run), made new (never through a link left there)
            // and readable by its owner alone, as the script's text is in it.
            temporary = entry.resolveSibling(entry.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, file);
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException | RuntimeException ignored) {
                    // Left behind in the cache's directory, where it does no harm.
                }
            }
        }
    }
}
