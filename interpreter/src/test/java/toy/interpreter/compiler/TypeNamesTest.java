package toy.interpreter.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.vm.Function;
import toy.interpreter.vm.SwitchInterval;
import toy.interpreter.vm.Vm;
import toy.runtime.PythonNames;
import toy.runtime.ToyList;
import toy.runtime.ToyObject;
import toy.runtime.Values;
import toy.runtime.threads.Gil;

/**
 * {@link NameComparisons#TYPE_NAMES}, the names the compiler lets {@code type(x)} be compared
 * with, are exactly what the runtime's values answer ({@link Values#typeName}): a script makes
 * a value of every class of Toy value there is (each class of the runtime and the interpreter
 * that implements {@link ToyObject}), so that a new kind of value fails here until its name is
 * listed (and the script makes one).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TypeNamesTest {
    /** One value of each type; a Pool and its Future only in the main process (its worker runs this file too). */
    private static final String SCRIPT = """
            fn square(x) { return x * x }
            let values = [1, 1.5, true, nil, "s", [], {}, range(1), square, len, [].append, spawn len([]),
                Lock(), RLock(), Semaphore(), Condition(), Event(), Queue()]
            try { raise "x" } catch e { values.append(e) }
            if is_main() {
                let pool = Pool(1)
                values.append(pool)
                values.append(pool.submit(square, 2))
                pool.shutdown()
            }
            """;

    @TempDir
    Path dir;

    @Test
    void typeNamesAreWhatEveryKindOfValueAnswers() throws Exception {
        Path file = Files.writeString(dir.resolve("values.toy"), SCRIPT);
        Globals globals = new Globals();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Vm vm = new Vm(globals, out, out, false,
                new Vm.Options(Vm.DEFAULT_RECURSION_LIMIT, Gil.Policy.HANDOFF, SwitchInterval.DEFAULT, List.of()));
        assertEquals(0, vm.run(Compiler.compile(new SourceFile(file.toString(), SCRIPT), globals)), bytes.toString(StandardCharsets.UTF_8));

        Set<String> names = new TreeSet<>();
        Set<String> classes = new TreeSet<>();
        ToyList values = (ToyList) globals.get("values");
        for (int i = 0; i < values.size(); i++) {
            names.add(Values.typeName(values.get(i)));
            if (values.get(i) instanceof ToyObject) {
                classes.add(values.get(i).getClass().getName());
            }
        }
        assertEquals(new TreeSet<>(NameComparisons.TYPE_NAMES), names);
        Set<String> valueClasses = new TreeSet<>();
        valueClasses.addAll(toyObjectClasses(ToyObject.class));
        valueClasses.addAll(toyObjectClasses(Function.class));
        assertEquals(valueClasses, classes, "the script makes no value of " + minus(valueClasses, classes));
    }

    /** What Toy has for a type of Python's ({@code dict}: {@code map}) is one of Toy's types. */
    @Test
    void pythonsTypesAreToysTypes() {
        for (PythonNames.Entry entry : PythonNames.all()) {
            assertTrue(entry.type() == null || NameComparisons.TYPE_NAMES.contains(entry.type()), entry.name());
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    /** The concrete classes that implement ToyObject in the directory or jar that holds anyOf. */
    private static Set<String> toyObjectClasses(Class<?> anyOf) throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(anyOf.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return toyObjectClasses(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return toyObjectClasses(jar.getPath("/"));
        }
    }

    private static Set<String> toyObjectClasses(Path root) throws IOException, ClassNotFoundException {
        Set<String> found = new TreeSet<>();
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(f -> root.relativize(f).toString()).filter(f -> f.endsWith(".class") && !f.contains("module-info"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.').replace('\\', '.')).toList();
        }
        for (String name : names) {
            Class<?> c = Class.forName(name, false, TypeNamesTest.class.getClassLoader());
            if (ToyObject.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                found.add(name);
            }
        }
        return found;
    }
}
