package toy.interpreter.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Globals;
import toy.interpreter.compiler.CompileException;
import toy.interpreter.compiler.Compiler;
import toy.interpreter.compiler.SourceFile;
import toy.interpreter.vm.SwitchInterval;
import toy.interpreter.vm.Vm;
import toy.runtime.threads.Gil;

/**
 * Fuzzing: broken variants of every sample (a token deleted, one inserted, two swapped; a
 * fixed seed, so a failure repeats) must each compile to errors or run to an ordinary end:
 * never a Java exception, never a Java stack trace or internal error on stderr, and a status of
 * 0, 65, 70 or the sample's own. Mutants run in this JVM (a JVM start costs about 0.6 s each);
 * one still running after {@link #TIME_LIMIT_MS} is aborted and counted apart, since an endless
 * loop is a legal program.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MutantSamplesTest {
    private static final long SEED = 20261129;
    private static final int MUTANTS_PER_SAMPLE = 8;
    private static final long TIME_LIMIT_MS = 1000;
    /** A string, a name, a number, or any other single character: close enough to Toy's tokens. */
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:\\\\.|[^\"\\\\\\n])*\"|[A-Za-z_][A-Za-z_0-9]*|[0-9][0-9_]*(?:\\.[0-9]+)?|\\S");

    private record Token(int start, int end) {
    }

    @Test
    void noMutantCrashesTheVm() throws Exception {
        Path samples = ToyRunner.root().resolve("samples");
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(samples)) {
            scripts = files.filter(f -> f.toString().endsWith(".toy") && !samples.relativize(f).startsWith("bench"))
                    .sorted().toList();
        }
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int ran = 0;
        int stopped = 0;
        for (Path script : scripts) {
            String text = Files.readString(script);
            List<Token> tokens = tokens(text);
            Set<Integer> allowed = new HashSet<>(List.of(0, 65, 70, GoldenSamplesTest.expectedStatus(script)));
            for (int i = 0; i < MUTANTS_PER_SAMPLE; i++) {
                String mutant = mutate(text, tokens, random);
                Outcome outcome = run(script.toString(), mutant);
                ran++;
                if (outcome.stopped) {
                    stopped++;
                    continue;
                }
                boolean exitCalled = mutant.contains("exit");
                if (outcome.failure != null || !(allowed.contains(outcome.status) || exitCalled)
                        || outcome.err.contains("\tat ") || outcome.err.contains("internal error")
                        || outcome.err.contains("Exception:") || outcome.err.contains("java.")) {
                    failures.add(script + " mutant " + i + ": status " + outcome.status + ", "
                            + (outcome.failure != null ? outcome.failure : outcome.err) + "\n--- mutant ---\n" + mutant);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + ran + " mutants failed (" + stopped
                + " ran past the time limit):\n" + String.join("\n\n", failures));
        assertTrue(ran - stopped > ran / 2, "most mutants should finish: " + stopped + " of " + ran + " did not");
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(new Token(m.start(), m.end()));
        }
        return tokens;
    }

    /** One random edit: delete a token, insert a copy of another before it, or swap it with the next. */
    private static String mutate(String text, List<Token> tokens, Random random) {
        if (tokens.size() < 2) {
            return text + " )";
        }
        int at = random.nextInt(tokens.size() - 1);
        Token a = tokens.get(at);
        Token b = tokens.get(at + 1);
        String first = text.substring(a.start, a.end);
        String second = text.substring(b.start, b.end);
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, a.start) + text.substring(a.end);
            case 1 -> {
                Token other = tokens.get(random.nextInt(tokens.size()));
                yield text.substring(0, a.start) + text.substring(other.start, other.end) + " " + text.substring(a.start);
            }
            default -> text.substring(0, a.start) + second + text.substring(a.end, b.start) + first + text.substring(b.end);
        };
    }

    private static final class Outcome {
        int status;
        String err = "";
        Throwable failure;
        boolean stopped;
    }

    /** Compiles and runs a mutant as `toy run` would, with its output thrown away past a megabyte. */
    private static Outcome run(String name, String text) throws InterruptedException {
        Outcome outcome = new Outcome();
        CappedOutput errBytes = new CappedOutput();
        PrintStream out = new PrintStream(new CappedOutput(), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        Globals globals = new Globals();
        Vm vm = new Vm(globals, out, err, false,
                new Vm.Options(Vm.DEFAULT_RECURSION_LIMIT, Gil.Policy.HANDOFF, SwitchInterval.DEFAULT, List.of()));
        Code code;
        try {
            code = Compiler.compile(new SourceFile(name, text), globals);
        } catch (CompileException e) {
            outcome.status = 65;
            outcome.err = e.report();
            return outcome;
        } catch (RuntimeException | StackOverflowError e) {
            outcome.failure = e;
            return outcome;
        }
        Thread main = new Thread(() -> {
            try {
                outcome.status = vm.run(code);
            } catch (RuntimeException | Error e) {
                outcome.failure = e;
            }
        });
        main.start();
        main.join(TIME_LIMIT_MS);
        if (main.isAlive()) {
            outcome.stopped = true;
            vm.abort(70);
            main.join(TimeUnit.SECONDS.toMillis(30));
            if (main.isAlive()) {
                outcome.stopped = false;
                outcome.failure = new AssertionError("the run could not be stopped");
            }
        }
        outcome.err = errBytes.text();
        return outcome;
    }

    /** Keeps the first megabyte written to it and counts the rest. */
    private static final class CappedOutput extends OutputStream {
        private static final int CAP = 1 << 20;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (kept.size() < CAP) {
                kept.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            kept.write(b, off, Math.max(0, Math.min(len, CAP - kept.size())));
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
