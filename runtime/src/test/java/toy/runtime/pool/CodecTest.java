package toy.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import toy.runtime.Builtin;
import toy.runtime.Nil;
import toy.runtime.ToyError;
import toy.runtime.ToyList;
import toy.runtime.ToyMap;
import toy.runtime.ToyRange;
import toy.runtime.Values;

/** The values that cross between processes: every one comes back as it went, and nothing else goes. */
class CodecTest {
    private static Object roundTrip(Object value) throws Codec.Malformed {
        Bytes bytes = new Bytes();
        Codec.encode(value, bytes);
        Bytes.Reader reader = new Bytes.Reader(Arrays.copyOf(bytes.array(), bytes.size()));
        Object back = Codec.decode(reader);
        reader.end();
        return back;
    }

    @Test
    void scalarsComeBackEqual() throws Codec.Malformed {
        for (Object v : List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, true, false, Nil.NIL, "", "plain")) {
            assertEquals(v, roundTrip(v));
        }
    }

    @Test
    void floatsComeBackBitForBit() throws Codec.Malformed {
        double[] values = {0.0, -0.0, 5e-324, -5e-324, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 0.1, Double.longBitsToDouble(0x7ff8_0000_0000_0123L)};
        for (double d : values) {
            Object back = roundTrip(d);
            assertTrue(back instanceof Double);
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) back), Double.toString(d));
        }
    }

    @Test
    void stringsKeepEveryCodePoint() throws Codec.Malformed {
        String s = "a\u0000é\u07ff\u0800€\uffff😀𝄞\uD800 alone";
        assertEquals(s, roundTrip(s));
        String big = "ab😀".repeat(250_000);
        assertEquals(1_000_000, big.length());
        assertEquals(big, roundTrip(big));
    }

    @Test
    void listsAndMapsNestAndKeepTheirOrder() throws Codec.Malformed {
        ToyMap map = new ToyMap();
        map.put("z", 1L);
        map.put(2L, ToyList.of(1.5, Nil.NIL, ToyList.of()));
        map.put(true, new ToyMap());
        map.put(Nil.NIL, "n");
        map.put(0.5, "half");
        ToyList list = ToyList.of(map, "x", ToyList.of(ToyList.of(3L)));
        Object back = roundTrip(list);
        assertEquals(Values.repr(list), Values.repr(back));
        assertEquals(List.of("z", 2L, true, Nil.NIL, 0.5), List.of(((ToyMap) ((ToyList) back).get(0)).keys().toArray()));
    }

    @Test
    void aHundredThousandItems() throws Codec.Malformed {
        ToyList list = new ToyList();
        for (long i = 0; i < 100_000; i++) {
            list.add(i % 3 == 0 ? (Object) i : i % 3 == 1 ? (Object) ("s" + i) : (Object) (i / 7.0));
        }
        assertTrue(Values.equal(list, roundTrip(list)));
    }

    @Test
    void otherValuesAreTypeErrorsNamingTheType() {
        Object[] bad = {new Builtin("len", 1, 1, a -> a[0]), new ToyRange(0, 3, 1),
            ToyList.of(1L, new ToyError("ValueError", "x"))};
        String[] names = {"builtin", "range", "Error"};
        for (int i = 0; i < bad.length; i++) {
            Object value = bad[i];
            ToyError e = assertThrows(ToyError.class, () -> Codec.encode(value, new Bytes()));
            assertEquals("TypeError", e.kind());
            assertTrue(e.errorMessage().startsWith("cannot send a '" + names[i] + "' to another process"), e.errorMessage());
        }
    }

    @Test
    void aListThatHoldsItselfIsAValueErrorNotAStackOverflow() {
        ToyList list = ToyList.of(1L);
        list.add(list);
        ToyError e = assertThrows(ToyError.class, () -> Codec.encode(list, new Bytes()));
        assertEquals("ValueError", e.kind());
    }

    private static ToyList nested(int levels) {
        ToyList value = ToyList.of(1L);
        for (int i = 1; i < levels; i++) {
            value = ToyList.of(value);
        }
        return value;
    }

    @Test
    void anArgumentMayBeNestedAsDeepAsAResult() throws Codec.Malformed {
        ToyList deepest = nested(Codec.MAX_DEPTH);
        assertEquals(Values.repr(deepest), Values.repr(roundTrip(deepest)));
        Bytes bytes = new Bytes();
        Codec.encodeArguments(new Object[] {deepest, "x"}, bytes);
        Bytes.Reader reader = new Bytes.Reader(Arrays.copyOf(bytes.array(), bytes.size()));
        Object[] back = Codec.decodeArguments(reader);
        reader.end();
        assertEquals(List.of(Values.repr(deepest), "x"), List.of(Values.repr(back[0]), back[1]));
        for (Runnable tooDeep : List.<Runnable>of(() -> Codec.encode(nested(Codec.MAX_DEPTH + 1), new Bytes()),
                () -> Codec.encodeArguments(new Object[] {nested(Codec.MAX_DEPTH + 1)}, new Bytes()))) {
            assertEquals("ValueError", assertThrows(ToyError.class, tooDeep::run).kind());
        }
    }

    @Test
    void brokenBytesAreMalformed() {
        byte[][] broken = {{}, {9}, {3, 0, 0}, {5, 0, 0, 0, 9, 'a'}, {6, 0x7f, 0, 0, 0}, {5, 0, 0, 0, 1, (byte) 0x80}};
        for (byte[] b : broken) {
            assertThrows(Codec.Malformed.class, () -> Codec.decode(new Bytes.Reader(b)));
        }
    }

    @Test
    void theChannelFramesMessagesAndRefusesGarbage() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Channel sender = new Channel(new ByteArrayInputStream(new byte[0]), wire);
        Bytes body = new Bytes();
        body.writeString("hello");
        int size = sender.send(Channel.Kind.OUT, body);
        sender.send(Channel.Kind.READY, new Bytes());
        assertEquals(size + 6, wire.size());
        Channel receiver = new Channel(new ByteArrayInputStream(wire.toByteArray()), new ByteArrayOutputStream());
        Channel.Message m = receiver.receive();
        assertEquals(Channel.Kind.OUT, m.kind());
        assertEquals("hello", m.body().readString());
        assertEquals(Channel.Kind.READY, receiver.receive().kind());
        assertEquals(null, receiver.receive());
        assertEquals(wire.size(), receiver.bytesReceived());
        assertEquals(wire.size(), sender.bytesSent());

        for (byte[] garbage : new byte[][] {"OpenJDK warning\n".getBytes(), {(byte) 0xA7, 0x7f, 0, 0, 0, 1},
            {(byte) 0xA7, 0, 0, 0, 2, 99, 0}, {(byte) 0xA7, 0, 0, 0, 9, 0}}) {
            Channel c = new Channel(new ByteArrayInputStream(garbage), new ByteArrayOutputStream());
            assertThrows(Codec.Malformed.class, c::receive);
        }
    }
}
