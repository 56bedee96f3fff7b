package toy.interpreter.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Disassembler;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.vm.SwitchInterval;
import toy.interpreter.vm.Vm;
import toy.runtime.ToyList;
import toy.runtime.Values;
import toy.runtime.threads.Gil;

class BytecodeCacheTest {
    /** Every kind of constant the format has a tag for, handlers, closures, keyword calls, globals used before their let. */
    private static final String SCRIPT = """
            fn counter(start, step=1) {
                let n = start
                fn next() {
                    n += step
                    return n
                }
                return next
            }
            fn uses_later() { return later() }
            let c = counter(10, step=5)
            c()
            print(c(), 2.5 * 2, 12345678901234, -0.0, "ünï\\u{1F600}")
            try { [1][3] } catch e { print(e.kind) }
            let m = {k: v for k, v in [["a", 1]]}
            print(m, [x * x for x in range(4) if x > 0], f"{c():>5}")
            fn later() { return "late" }
            print(uses_later())
            fn misspelt() { let total = 1; return totl }
            try { misspelt() } catch e { print(e) }
            """;

    @TempDir
    Path directory;

    private BytecodeCache cache(String build) {
        return new BytecodeCache(directory, build);
    }

    private SourceFile source(String text) {
        return new SourceFile(directory.resolve("script.toy").toString(), text);
    }

    @Test
    void aSecondRunLoadsTheBytecodeTheFirstCompiled() throws Exception {
        Globals first = Vm.globalsOfARun();
        Code compiled = cache("b1").compile(source(SCRIPT), first);
        Globals second = Vm.globalsOfARun();
        Code loaded = cache("b1").cached(source(SCRIPT), second);
        assertNotNull(loaded, "the first run kept its bytecode");
        assertSameCode(compiled, loaded);
        assertEquals(Disassembler.disassemble(compiled, first), Disassembler.disassemble(loaded, second));
        assertEquals(first.size(), second.size());
        for (int slot = 0; slot < first.size(); slot++) {
            assertEquals(first.name(slot), second.name(slot));
            assertEquals(first.declared(slot), second.declared(slot));
        }
        String output = run(loaded, second);
        assertEquals(run(compiled, first), output);
        assertTrue(output.startsWith("20 5.0 12345678901234 -0.0 "), output);
        assertTrue(output.contains("\nIndexError\n"), output);
        assertTrue(output.endsWith("[1, 4, 9]    25\nlate\nNameError: name 'totl' is not defined. Did you mean: 'total'?\n"), output);
    }

    @Test
    void aScriptThatDeclaresABuiltinsNameIsLoadedWithThatDeclaration() throws Exception {
        String script = "let len = fn(x) { return 42 }\nprint(len([1]))\nfn f() { str = 1 }\n";
        Globals first = Vm.globalsOfARun();
        Code compiled = cache("b1").compile(source(script), first);
        Globals second = Vm.globalsOfARun();
        Code loaded = cache("b1").cached(source(script), second);
        assertNotNull(loaded);
        int len = second.indexOf("len");
        assertTrue(first.declared(len) && second.declared(len));
        assertFalse(second.declared(second.indexOf("str")));
        String output = run(loaded, second);
        assertEquals("42\n", output);
        assertEquals(run(compiled, first), output);
    }

    @Test
    void aFileIsReadableByItsOwnerAlone() throws Exception {
        cache("b1").compile(source(SCRIPT), Vm.globalsOfARun());
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(cache("b1").entry(source(SCRIPT))), "it holds the script's text");
    }

    @Test
    void aHitLeavesTheFileAsItWas() throws Exception {
        cache("b1").compile(source(SCRIPT), Vm.globalsOfARun());
        Path entry = cache("b1").entry(source(SCRIPT));
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(entry, past);
        byte[] bytes = Files.readAllBytes(entry);
        assertNotNull(cache("b1").compile(source(SCRIPT), Vm.globalsOfARun()));
        assertEquals(past, Files.getLastModifiedTime(entry));
        assertArrayEquals(bytes, Files.readAllBytes(entry));
    }

    @Test
    void aFileIsNamedAfterTheScriptAndItsPath() {
        String readable = cache("b1").entry(new SourceFile("/a/dir/wörd count.toy", "")).getFileName().toString();
        assertTrue(readable.matches("w_rd_count\\.toy-[0-9a-f]+\\.toyc"), readable);
        assertNotEquals(readable, cache("b1").entry(new SourceFile("/other/wörd count.toy", "")).getFileName().toString());
        String longName = "x".repeat(300) + ".toy";
        assertTrue(cache("b1").entry(new SourceFile(longName, "")).getFileName().toString().length() < 80);
        assertNull(cache("b1").entry(new SourceFile("bad\0name.toy", "")), "a name no path can have: no cache");
        assertNull(cache("b1").entry(new SourceFile("/", "")));
    }

    @Test
    void theTestsRunFromClassDirectoriesKeepNoCache() throws Exception {
        BytecodeCache thisBuild = BytecodeCache.forThisBuild();
        assertNotNull(thisBuild.compile(source(SCRIPT), Vm.globalsOfARun()));
        assertNull(thisBuild.cached(source(SCRIPT), Vm.globalsOfARun()));
        assertNull(thisBuild.entry(source(SCRIPT)));
    }

    @Test
    void anotherTextNameOrBuildIsAMiss() throws Exception {
        cache("b1").compile(source(SCRIPT), Vm.globalsOfARun());
        assertNull(cache("b1").cached(source(SCRIPT + "\n"), Vm.globalsOfARun()));
        assertNull(cache("b2").cached(source(SCRIPT), Vm.globalsOfARun()));
        SourceFile sameFileOtherName = new SourceFile(directory.resolve("x/../script.toy").toString(), SCRIPT);
        assertNull(cache("b1").cached(sameFileOtherName, Vm.globalsOfARun()), "tracebacks name the script as given");
        assertNotNull(cache("b1").cached(source(SCRIPT), Vm.globalsOfARun()));
    }

    @Test
    void otherGlobalsAreAMissThatLeavesThemAlone() throws Exception {
        cache("b1").compile(source(SCRIPT), Vm.globalsOfARun());
        Globals other = new Globals();
        other.indexOf("something else");
        assertNull(cache("b1").cached(source(SCRIPT), other));
        assertEquals(1, other.size());
    }

    @Test
    void aDamagedOrTruncatedFileIsAMissAndIsWrittenAgain() throws Exception {
        cache("b1").compile(source(SCRIPT), Vm.globalsOfARun());
        Path entry = cache("b1").entry(source(SCRIPT));
        byte[] bytes = Files.readAllBytes(entry);
        byte[] damaged = bytes.clone();
        damaged[bytes.length / 2] ^= 1;
        Files.write(entry, damaged);
        assertNull(cache("b1").cached(source(SCRIPT), Vm.globalsOfARun()));
        Files.write(entry, Arrays.copyOf(bytes, bytes.length - 9));
        assertNull(cache("b1").cached(source(SCRIPT), Vm.globalsOfARun()));
        Files.write(entry, new byte[0]);
        assertNull(cache("b1").cached(source(SCRIPT), Vm.globalsOfARun()));

        Globals globals = Vm.globalsOfARun();
        Code code = cache("b1").compile(source(SCRIPT), globals);
        assertTrue(run(code, globals).startsWith("20 5.0"));
        assertNotNull(cache("b1").cached(source(SCRIPT), Vm.globalsOfARun()));
    }

    @Test
    void aScriptWithErrorsIsReportedAtEachRunAndNeverKept() throws IOException {
        for (int i = 0; i < 2; i++) {
            CompileException e = assertThrows(CompileException.class,
                    () -> cache("b1").compile(source("let x = \n"), Vm.globalsOfARun()));
            assertTrue(e.report().contains("script.toy:1:9: error: unexpected end of file"), e.report());
        }
        try (var files = Files.list(directory)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCompiles() throws Exception {
        Path notADirectory = directory.resolve("file");
        Files.writeString(notADirectory, "");
        BytecodeCache broken = new BytecodeCache(notADirectory.resolve("cache"), "b1");
        Globals globals = Vm.globalsOfARun();
        Code code = broken.compile(source(SCRIPT), globals);
        assertTrue(run(code, globals).startsWith("20 5.0"));
        assertNull(broken.cached(source(SCRIPT), Vm.globalsOfARun()));
    }

    @Test
    void noDirectoryMeansNoCache() throws Exception {
        BytecodeCache none = new BytecodeCache(null, "b1");
        assertNotNull(none.compile(source(SCRIPT), Vm.globalsOfARun()));
        assertNull(none.cached(source(SCRIPT), Vm.globalsOfARun()));
        try (var files = Files.list(directory)) {
            assertFalse(files.findAny().isPresent());
        }
    }

    @Test
    void theDirectoryComesFromTheEnvironmentAsTheDocsSay() {
        assertEquals(Path.of("/c"), BytecodeCache.directory("/c", "/x", "/home/u"));
        assertNull(BytecodeCache.directory("", "/x", "/home/u"));
        assertEquals(Path.of("/x/toy"), BytecodeCache.directory(null, "/x", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/toy"), BytecodeCache.directory(null, "relative", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/toy"), BytecodeCache.directory(null, null, "/home/u"));
        assertNull(BytecodeCache.directory(null, null, ""));
    }

    /** Every field of two code trees equal, nested functions' too (the disassembly leaves out columns, handlers, depths ...). */
    private static void assertSameCode(Code expected, Code actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.file(), actual.file());
        assertEquals(expected.firstLine(), actual.firstLine());
        assertArrayEquals(expected.instructions(), actual.instructions());
        assertArrayEquals(expected.lines(), actual.lines());
        assertArrayEquals(expected.names(), actual.names());
        assertEquals(expected.parameterCount(), actual.parameterCount());
        assertEquals(expected.localCount(), actual.localCount());
        assertEquals(expected.maxStack(), actual.maxStack());
        assertArrayEquals(expected.localNames(), actual.localNames());
        assertArrayEquals(expected.cellParameters(), actual.cellParameters());
        assertArrayEquals(expected.freeSources(), actual.freeSources());
        assertArrayEquals(expected.freeNames(), actual.freeNames());
        assertEquals(expected.handlers(), actual.handlers());
        assertArrayEquals(expected.startColumns(), actual.startColumns());
        assertArrayEquals(expected.endColumns(), actual.endColumns());
        assertEquals(expected.sourceLines(), actual.sourceLines());
        assertArrayEquals(expected.stackDepths(), actual.stackDepths());
        assertEquals(expected.nearLocals(), actual.nearLocals());
        assertEquals(expected.constants().length, actual.constants().length);
        for (int i = 0; i < expected.constants().length; i++) {
            Object e = expected.constants()[i];
            Object a = actual.constants()[i];
            if (e instanceof Code code) {
                assertSameCode(code, (Code) a);
            } else if (e instanceof ToyList list) {
                assertEquals(Values.repr(list), Values.repr(a));
            } else {
                assertEquals(e.getClass(), a.getClass());
                assertEquals(e, a);
            }
        }
    }

    /** What code prints, with its output and errors together, when run with globals. */
    private static String run(Code code, Globals globals) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Vm vm = new Vm(globals, out, out, false,
                new Vm.Options(Vm.DEFAULT_RECURSION_LIMIT, Gil.Policy.HANDOFF, SwitchInterval.DEFAULT, List.of()));
        vm.run(code);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
