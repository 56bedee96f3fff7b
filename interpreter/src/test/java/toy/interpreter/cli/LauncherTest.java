package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./toy} launcher script at the repository root, run on a tree of its own: the poms,
 * a few sources, and a jar, with a {@code mvn} and a {@code java} on the PATH that only record
 * what they were asked (a build, a class list, an archive, a run). Every file time the launcher
 * compares is set by the test, never taken from the clock, so nothing depends on how fast the
 * steps run.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LauncherTest {
    /** What the fake {@code java} prints when the launcher finally runs the program. */
    private static final String RAN = "the program ran\n";

    @TempDir
    Path temp;
    private Path root;
    private Path bin;
    private Path builds;
    private Path sources;
    private Path jar;
    /** The time of the jar as the test made it: the sources are older. */
    private final Instant jarTime = Instant.now().minusSeconds(100);

    /** A run of the launcher: its exit status, stdout and stderr. */
    private record Run(int status, String out, String err) {
    }

    @BeforeEach
    void makeTree() throws IOException {
        root = Files.createDirectory(temp.resolve("toy"));
        Path script = Path.of(System.getProperty("toy.root"), "toy");
        Files.copy(script, root.resolve("toy"));
        for (String pom : new String[] {"pom.xml", "grammar/pom.xml", "runtime/pom.xml", "interpreter/pom.xml"}) {
            write(root.resolve(pom), "<project/>\n");
        }
        sources = root.resolve("interpreter/src/main/java/toy");
        write(sources.resolve("A.java"), "class A {}\n");
        write(sources.resolve("B.java"), "class B {}\n");
        write(root.resolve("grammar/src/main/antlr4/toy/Toy.g4"), "grammar Toy;\n");
        write(root.resolve("runtime/src/main/resources/toy/page.html"), "<html></html>\n");
        write(root.resolve("samples/closures.toy"), "print(1)\n");
        try (var tree = Files.walk(root)) {
            for (Path entry : tree.toList()) {
                Files.setLastModifiedTime(entry, FileTime.from(jarTime.minusSeconds(100)));
            }
        }
        jar = write(root.resolve("interpreter/target/toy.jar"), "jar\n");
        Files.setLastModifiedTime(jar, FileTime.from(jarTime));

        bin = Files.createDirectory(temp.resolve("bin"));
        builds = temp.resolve("builds");
        // A build: the jar made again, as Maven's package does.
        executable(bin.resolve("mvn"), "#!/bin/sh\necho build >>'" + builds + "'\ntouch interpreter/target/toy.jar\n");
        // The class list of a run, an archive dumped, or the program run.
        executable(bin.resolve("java"), """
                #!/bin/sh
                archive=""
                dump=""
                for arg in "$@"; do
                    case "$arg" in
                        -XX:DumpLoadedClassList=*) echo java/lang/Object >"${arg#*=}"; exit 0 ;;
                        -XX:SharedArchiveFile=*) archive="${arg#*=}" ;;
                        -Xshare:dump) dump=1 ;;
                        # Asked whether it can reserve a heap larger than the machine's memory: no.
                        -version) exit 1 ;;
                    esac
                done
                if [ -n "$dump" ]; then
                    echo archive >"$archive"
                    exit 0
                fi
                env | grep -E '^(LC_ALL|LC_CTYPE|LANG)=' | sort >'%s'
                echo the program ran
                """.formatted(temp.resolve("locale")));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void executable(Path file, String text) throws IOException {
        write(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run launch() throws IOException, InterruptedException {
        return launch(Map.of());
    }

    /** A run with TOY_HEAP set to heap (unset when null). */
    private Run launch(String heap) throws IOException, InterruptedException {
        return launch(heap == null ? Map.of() : Map.of("TOY_HEAP", heap));
    }

    /** A run with these variables set, and TOY_HEAP and the locale's variables unset if not among them. */
    private Run launch(Map<String, String> variables) throws IOException, InterruptedException {
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("toy").toString(), "hello.toy")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().keySet().removeAll(List.of("TOY_HEAP", "LC_ALL", "LC_CTYPE", "LANG"));
        builder.environment().putAll(variables);
        Process process = builder.start();
        process.getOutputStream().close();
        int status = process.waitFor();
        return new Run(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private boolean rebuilt() {
        return Files.exists(builds);
    }

    /** Sets the time of the sources' directory after that of the list of sources, as an entry added or removed there later does. */
    private void directoryChangedLater() throws IOException {
        FileTime listed = Files.getLastModifiedTime(root.resolve("interpreter/target/toy.jar.sources"));
        Files.setLastModifiedTime(sources, FileTime.from(listed.toInstant().plusSeconds(10)));
    }

    @Test
    void aHeapSizeTheJvmWouldRefuseIsAUsageError() throws Exception {
        assertEquals(new Run(2, "", "toy: TOY_HEAP=lots is not a size such as 512m or 4g\n"), launch("lots"));
        assertEquals(new Run(2, "", "toy: TOY_HEAP=2m is too small: Toy needs at least 32m\n"), launch("2m"));
        // Too many digits for the shell's arithmetic; more than the machine's memory, which
        // the JVM cannot reserve (its own refusal would be status 1 and, its output off, no word).
        assertEquals(new Run(2, "", "toy: TOY_HEAP=9999999999999t is too large\n"), launch("9999999999999t"));
        Run unreservable = launch("100000g");
        assertEquals(2, unreservable.status(), unreservable.err());
        assertTrue(unreservable.err().contains("toy: TOY_HEAP=100000g is more than Java can reserve here (memory and swap: "),
                unreservable.err());
        assertEquals(RAN, launch("64m").out());
        // Leading zeros: not octal to the shell, nor more digits than it can multiply.
        assertEquals(RAN, launch("089m").out());
        assertEquals(RAN, launch("0000000000000512m").out());
        assertEquals(RAN, launch("").out());
    }

    /**
     * PEP 538's coercion: under the C or POSIX locale Java runs under C.UTF-8, whose characters
     * are UTF-8 (Java decodes the arguments and file names by them); any other locale is left
     * as it is.
     */
    @Test
    void theCLocaleIsCoercedToCUtf8() throws Exception {
        Process locales = new ProcessBuilder("locale", "-a").start();
        String known = new String(locales.getInputStream().readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        locales.waitFor();
        assumeTrue(known.lines().anyMatch(name -> name.equals("c.utf8") || name.equals("c.utf-8")), "no C.UTF-8 here");
        Map<Map<String, String>, String> seen = new LinkedHashMap<>();
        seen.put(Map.of(), "LC_CTYPE=C.UTF-8\n");
        seen.put(Map.of("LANG", "C"), "LANG=C\nLC_CTYPE=C.UTF-8\n");
        seen.put(Map.of("LANG", "C.UTF-8", "LC_CTYPE", "POSIX"), "LANG=C.UTF-8\nLC_CTYPE=C.UTF-8\n");
        seen.put(Map.of("LC_ALL", "C", "LANG", "C.UTF-8"), "LANG=C.UTF-8\nLC_ALL=C.UTF-8\n");
        seen.put(Map.of("LC_ALL", "POSIX"), "LC_ALL=C.UTF-8\n");
        // Not the C locale: left as it is, whatever its characters.
        seen.put(Map.of("LANG", "C.UTF-8"), "LANG=C.UTF-8\n");
        seen.put(Map.of("LC_CTYPE", "C.UTF-8", "LANG", "C"), "LANG=C\nLC_CTYPE=C.UTF-8\n");
        seen.put(Map.of("LANG", "C", "LC_ALL", "en_US.ISO-8859-1"), "LANG=C\nLC_ALL=en_US.ISO-8859-1\n");
        for (Map.Entry<Map<String, String>, String> locale : seen.entrySet()) {
            Run run = launch(locale.getKey());
            assertEquals(RAN, run.out(), locale.getKey() + ": " + run.err());
            assertEquals(locale.getValue(), Files.readString(temp.resolve("locale")), locale.getKey().toString());
        }
    }

    @Test
    void anUpToDateJarRunsAtOnce() throws Exception {
        Run run = launch();
        assertEquals(0, run.status(), run.err());
        assertEquals(RAN, run.out());
        assertFalse(rebuilt());
    }

    @Test
    void makingTheArchivesSaysSoOnStderrOnceAndANormalStartSaysNothing() throws Exception {
        String preparing = "toy: preparing a faster start (after a build or a new JDK; a few seconds)...\n";
        Run first = launch();
        assertEquals(new Run(0, RAN, preparing), first);
        assertTrue(Files.exists(root.resolve("interpreter/target/toy-main.jsa")));
        assertEquals(new Run(0, RAN, ""), launch());
        // Archives older than the jar (as after a build): made again, and said so.
        for (String archive : new String[] {"toy.jsa", "toy-main.jsa"}) {
            Files.setLastModifiedTime(root.resolve("interpreter/target").resolve(archive), FileTime.from(jarTime.minusSeconds(10)));
        }
        assertEquals(new Run(0, RAN, preparing), launch());
        assertEquals(new Run(0, RAN, ""), launch());
    }

    @Test
    void aSourceNewerThanTheJarRebuilds() throws Exception {
        Files.setLastModifiedTime(root.resolve("runtime/src/main/resources/toy/page.html"), FileTime.from(jarTime.plusSeconds(10)));
        Run run = launch();
        assertTrue(rebuilt());
        assertTrue(run.err().startsWith("toy: building"), run.err());
        assertEquals(RAN, run.out());
    }

    @Test
    void anEditorsSwapAndBackupFilesDoNotRebuild() throws Exception {
        launch();
        Files.writeString(sources.resolve(".A.java.swp"), "vim");
        Files.writeString(sources.resolve("A.java~"), "class A {}\n");
        Files.writeString(sources.resolve("#B.java#"), "class B {}\n");
        directoryChangedLater();
        Run run = launch();
        assertEquals(RAN, run.out());
        assertFalse(rebuilt(), run.err());
    }

    @Test
    void aSourceRenamedWithItsTimeRebuilds() throws Exception {
        launch();
        // A move keeps the file's time: only its directory's, and the list of sources, show it.
        Files.move(sources.resolve("B.java"), sources.resolve("C.java"));
        directoryChangedLater();
        launch();
        assertTrue(rebuilt());
    }

    @Test
    void aSourceRemovedRebuilds() throws Exception {
        launch();
        Files.delete(sources.resolve("B.java"));
        directoryChangedLater();
        launch();
        assertTrue(rebuilt());
    }
}
