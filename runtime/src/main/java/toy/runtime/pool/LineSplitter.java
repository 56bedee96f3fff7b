package toy.runtime.pool;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * An output stream that hands on each complete line (its bytes, without the newline) as soon as
 * it is complete, and a last partial line when closed: how a worker's or a launched process's
 * output is passed on whole, never mixed with another's line.
 */
public final class LineSplitter extends OutputStream {
    private final Consumer<byte[]> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public LineSplitter(Consumer<byte[]> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                emit();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        sink.accept(line.toByteArray());
        line.reset();
    }
}
