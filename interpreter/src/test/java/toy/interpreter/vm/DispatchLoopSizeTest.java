package toy.interpreter.vm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HotSpot never JIT-compiles a method of more than 8000 bytes of JVM bytecode
 * (-XX:+DontCompileHugeMethods, on by default); the dispatch loop would then run interpreted,
 * about 13 times slower. This reads the compiled class file and fails if the loop ({@code run})
 * or the method beside it for the other instructions ({@code step}) grew too big.
 */
class DispatchLoopSizeTest {
    private static final int HUGE_METHOD_LIMIT = 8000;

    @ParameterizedTest
    @ValueSource(strings = {"run", "step"})
    void dispatchLoopStaysCompilable(String method) throws IOException {
        int size = codeLength(Interpreter.class, method);
        assertTrue(size > 0 && size <= HUGE_METHOD_LIMIT,
                "Interpreter." + method + " is " + size + " bytes of bytecode; HotSpot will not compile more than " + HUGE_METHOD_LIMIT);
    }

    /** The code_length of a method's Code attribute (JVMS 4.7.3), read from the class file. */
    static int codeLength(Class<?> type, String method) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            DataInputStream data = new DataInputStream(in);
            data.readInt();
            data.readUnsignedShort();
            data.readUnsignedShort();
            String[] utf8 = readConstantPool(data);
            data.readUnsignedShort();
            data.readUnsignedShort();
            data.readUnsignedShort();
            skip(data, 2 * data.readUnsignedShort());
            int fields = data.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                skip(data, 6);
                skipAttributes(data);
            }
            int methods = data.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                data.readUnsignedShort();
                String name = utf8[data.readUnsignedShort()];
                data.readUnsignedShort();
                int attributes = data.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[data.readUnsignedShort()];
                    int length = data.readInt();
                    if (name.equals(method) && attribute.equals("Code")) {
                        data.readUnsignedShort();
                        data.readUnsignedShort();
                        return data.readInt();
                    }
                    skip(data, length);
                }
            }
            return -1;
        }
    }

    private static String[] readConstantPool(DataInputStream data) throws IOException {
        int count = data.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = data.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = data.readUTF();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(data, 4);
                case 5, 6 -> {
                    skip(data, 8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> skip(data, 2);
                case 15 -> skip(data, 3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream data) throws IOException {
        int count = data.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            data.readUnsignedShort();
            skip(data, data.readInt());
        }
    }

    private static void skip(DataInputStream data, int bytes) throws IOException {
        data.skipNBytes(bytes);
    }
}
