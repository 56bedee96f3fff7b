package toy.runtime.pool;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Pool worker (the main class of a process a test's {@link Pool.Host} starts) that does
 * nothing by itself but say READY: the test makes every other move. It speaks the protocol
 * with the production {@link Channel}, {@link Bytes} and {@link Codec} on its stdin and
 * stdout, and a second connection, to the test, carries one line per event each way.
 *
 * <p>Arguments: the test's loopback port, the worker's index. To the test: {@code WORKER k}
 * once, then {@code TASK id function(args)} and {@code RECALL id} for each message the
 * parent sends, in its order, and {@code END} when the channel from the parent ends (the
 * worker then exits with status 0). From the test: {@code RESULT id n} (a task's int
 * result, busy 0 ns), {@code RECALLED id 0|1} (begun already / given back) and
 * {@code OUT text} (a printed line, which the parent hands to {@link Pool.Host#out} after
 * handling every message sent before it).
 */
final class ScriptedWorker {
    private ScriptedWorker() {
    }

    public static void main(String[] args) throws IOException {
        Channel channel = new Channel(new BufferedInputStream(new FileInputStream(FileDescriptor.in)),
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        Socket test = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        PrintWriter reports = new PrintWriter(test.getOutputStream(), true, StandardCharsets.UTF_8);
        reports.println("WORKER " + args[1]);
        channel.send(Channel.Kind.READY, new Bytes());
        Thread relay = new Thread(() -> relay(channel, reports), "relay");
        relay.setDaemon(true);
        relay.start();
        BufferedReader commands = new BufferedReader(new InputStreamReader(test.getInputStream(), StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            String[] words = line.split(" ", 3);
            Bytes body = new Bytes();
            switch (words[0]) {
                case "RESULT" -> {
                    body.writeLong(Long.parseLong(words[1]));
                    body.writeLong(0);
                    Codec.encode(Long.parseLong(words[2]), body);
                    channel.send(Channel.Kind.RESULT, body);
                }
                case "RECALLED" -> {
                    body.writeLong(Long.parseLong(words[1]));
                    body.writeByte(Integer.parseInt(words[2]));
                    channel.send(Channel.Kind.RECALLED, body);
                }
                case "OUT" -> {
                    body.writeString(line.substring("OUT ".length()));
                    channel.send(Channel.Kind.OUT, body);
                }
                default -> throw new IllegalArgumentException("not a command: " + line);
            }
        }
        // The test is gone: so is the reason to run.
        Runtime.getRuntime().halt(1);
    }

    /** Tells the test each message from the parent; exits when the parent closes the channel. */
    private static void relay(Channel channel, PrintWriter reports) {
        try {
            for (Channel.Message m = channel.receive(); m != null; m = channel.receive()) {
                Bytes.Reader body = m.body();
                long id = body.readLong();
                switch (m.kind()) {
                    case TASK -> {
                        String function = body.readString();
                        Object[] arguments = Codec.decodeArguments(body);
                        reports.println("TASK " + id + " " + function + "(" + String.join(", ", Arrays.stream(arguments).map(String::valueOf).toList()) + ")");
                    }
                    case RECALL -> reports.println("RECALL " + id);
                    default -> reports.println("UNEXPECTED " + m.kind());
                }
                body.end();
            }
            reports.println("END");
            Runtime.getRuntime().halt(0);
        } catch (IOException | Codec.Malformed e) {
            reports.println("BROKEN " + e.getMessage());
            Runtime.getRuntime().halt(1);
        }
    }
}
