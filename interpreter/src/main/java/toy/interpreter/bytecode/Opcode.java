package toy.interpreter.bytecode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The instruction set. An instruction is one int (the opcode) followed by its operands, one
 * int each, in {@link Code#instructions()}. Jump targets are absolute offsets. "test" operands
 * are a {@link Comparison} code. Stack effects read left to right: {@code a b -> r} pops b,
 * then a, and pushes r.
 */
public final class Opcode {
    private Opcode() {
    }

    //                                             operands             stack            effect
    public static final int CONST = 0;          // constant             -> v             push a constant (float, big int, str, code)
    public static final int INT = 1;            // value                -> i             push an int that fits in 32 bits
    public static final int NIL = 2;            //                      -> nil
    public static final int TRUE = 3;           //                      -> true
    public static final int FALSE = 4;          //                      -> false
    public static final int POP = 5;            //                      v ->
    public static final int DUP2 = 6;           //                      a b -> a b a b   for `a[i] += v`
    public static final int LOAD_LOCAL = 7;     // local                -> v
    public static final int STORE_LOCAL = 8;    // local                v ->
    public static final int LOAD_CELL = 9;      // local                -> v             the local holds a cell shared with closures
    public static final int STORE_CELL = 10;    // local                v ->             assign through the local's cell
    public static final int NEW_CELL = 11;      // local                v ->             a fresh cell holding v (a new binding per `let`)
    public static final int LOAD_FREE = 12;     // free                 -> v             a cell captured from an enclosing function
    public static final int STORE_FREE = 13;    // free                 v ->
    public static final int LOAD_GLOBAL = 14;   // global               -> v             NameError if not defined yet
    public static final int STORE_GLOBAL = 15;  // global               v ->             NameError if not defined yet
    public static final int DEFINE_GLOBAL = 16; // global               v ->             `let` / `fn` at the top level
    public static final int ADD = 17;           //                      a b -> a+b
    public static final int SUB = 18;           //                      a b -> a-b
    public static final int MUL = 19;           //                      a b -> a*b
    public static final int DIV = 20;           //                      a b -> a/b
    public static final int FLOOR_DIV = 21;     //                      a b -> a//b
    public static final int MOD = 22;           //                      a b -> a%b
    public static final int POW = 23;           //                      a b -> a**b
    public static final int NEG = 24;           //                      a -> -a
    public static final int NOT = 25;           //                      a -> not a
    public static final int COMPARE = 26;       // test                 a b -> bool      ==, !=, <, <=, >, >=
    public static final int IN = 27;            //                      a b -> a in b
    public static final int NOT_IN = 28;        //                      a b -> a not in b
    public static final int JUMP = 29;          // target
    public static final int JUMP_IF_FALSE = 30; // target               v ->
    public static final int JUMP_IF_TRUE = 31;  // target               v ->
    public static final int JUMP_IF_FALSE_OR_POP = 32; // target        v -> (v)         keep v when jumping: `and`
    public static final int JUMP_IF_TRUE_OR_POP = 33;  // target        v -> (v)         keep v when jumping: `or`
    public static final int JUMP_IF = 34;       // test target          a b ->           fused compare and branch
    public static final int JUMP_IF_LOCAL_INT = 35;    // local value test target        compare a local with an int and branch
    public static final int JUMP_IF_LOCALS = 36;       // local local test target        compare two locals and branch
    public static final int ADD_LOCAL_INT = 37; // local value                           local += value, in place
    public static final int BUILD_LIST = 38;    // count                v1..vn -> list
    public static final int BUILD_MAP = 39;     // count                k1 v1..kn vn -> map
    public static final int INDEX = 40;         //                      c i -> c[i]
    public static final int STORE_INDEX = 41;   //                      c i v ->         c[i] = v
    public static final int SLICE = 42;         //                      c lo hi -> c[lo:hi]   nil for a missing bound
    public static final int GET_ATTR = 43;      // name                 x -> x.name
    public static final int CALL = 44;          // count                f a1..an -> r
    public static final int CALL_METHOD = 45;   // name count           x a1..an -> r    x.name(a1..an), no bound method made
    public static final int RETURN = 46;        //                      v ->             to the caller
    public static final int MAKE_FUNCTION = 47; // constant             -> f             a closure over the code's free variables
    public static final int GET_ITER = 48;      //                      x -> it
    public static final int FOR_ITER = 49;      // target               it -> it v       or, when done, it -> and jump
    public static final int RAISE = 50;         //                      e ->             an Error re-raised, a str raised as Error
    public static final int WITH_ENTER = 51;    //                      r -> r           acquire the resource, which stays on the stack
    public static final int WITH_EXIT = 52;     //                      r ->             release it
    public static final int WITH_ABORT = 53;    //                      r e ->           release it and raise e again
    public static final int SPAWN = 54;         // count                f a1..an -> t    start a thread running f(a1..an)
    public static final int SLICE_STEP = 55;    //                      c lo hi st -> c[lo:hi:st]   nil for a missing part
    public static final int UNPACK = 56;        // count                seq -> vn..v1    v1 on top; ValueError unless exactly count items
    public static final int LIST_APPEND = 57;   // depth                list x1..xd v -> list x1..xd   a comprehension's element
    public static final int MAP_PUT = 58;       // depth                map x1..xd k v -> map x1..xd   a map comprehension's entry
    public static final int FORMAT = 59;        // constant             v -> str         format(v, spec) for an f-string field
    public static final int BUILD_STRING = 60;  // count                s1..sn -> str    concatenate an f-string's parts
    public static final int CALL_KW = 61;       // count constant       f a1..an -> r    the constant names the last keyword arguments
    public static final int CALL_METHOD_KW = 62; // name count constant x a1..an -> r    x.name(...) with keyword arguments
    public static final int MAKE_FUNCTION_DEFS = 63; // constant count     d1..dn -> f      a closure whose last n parameters default to d1..dn
    public static final int INPLACE_ADD = 64;   //                      a b -> a+=b      extends a list in place, else a+b
    public static final int REPR = 65;          //                      v -> repr(v)     an f-string's {v!r}
    public static final int FORMAT_WITH_SPEC = 66; //                   v spec -> str    format(v, spec), the spec made at run time
    public static final int SWAP = 67;          // value n              a .. b -> b .. a the top and the n-th value from it swapped (CPython's SWAP): a, b = x, y
    public static final int INPLACE_MUL = 69;   //                      a b -> a*=b      repeats a list in place, else a*b
    public static final int EMPTY_CELL = 68;    // local                ->               a cell with no value yet, at a block's start: its variable is declared further down, and a function made above captures it

    /** What an operand means, for the disassembler. */
    public enum Operand { CONSTANT, VALUE, LOCAL, FREE, GLOBAL, NAME, TEST, TARGET, COUNT }

    /**
     * One row of the instruction table: an opcode's operand kinds and its stack effect. The
     * effect when execution falls through is {@code fixed + perCount * count}, count being the
     * instruction's COUNT operand; {@code jumping} is the effect when it takes its jump (its
     * last operand, a TARGET); an instruction that never falls through (JUMP, RETURN, RAISE,
     * WITH_ABORT) has {@code fallsThrough} false and {@code fixed} its pops.
     */
    private record Row(Operand[] operands, int fixed, int perCount, int countAt, boolean fallsThrough, int jumping) {
    }

    /** A stack effect without its operands: see {@link Row}. */
    private record Effect(int fixed, int perCount, boolean fallsThrough, int jumping) {
    }

    private static final int NO_JUMP = Integer.MIN_VALUE;
    /** Each opcode's name, indexed by the opcode: the int constants above, however many there are. */
    private static final String[] NAMES = opcodeNames();
    private static final Row[] ROWS = new Row[NAMES.length];

    private static String[] opcodeNames() {
        Map<Integer, String> byOpcode = new HashMap<>();
        for (Field f : Opcode.class.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    byOpcode.put(f.getInt(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        String[] names = new String[Collections.max(byOpcode.keySet()) + 1];
        byOpcode.forEach((op, name) -> names[op] = name);
        return names;
    }

    static {
        // The instruction table: adding an opcode is its constant above, its row here and its
        // case in the interpreter. The stack shapes are those of the comments above.
        row(CONST, effect(1), Operand.CONSTANT);
        row(INT, effect(1), Operand.VALUE);
        row(NIL, effect(1));
        row(TRUE, effect(1));
        row(FALSE, effect(1));
        row(POP, effect(-1));
        row(DUP2, effect(2));
        row(LOAD_LOCAL, effect(1), Operand.LOCAL);
        row(STORE_LOCAL, effect(-1), Operand.LOCAL);
        row(LOAD_CELL, effect(1), Operand.LOCAL);
        row(STORE_CELL, effect(-1), Operand.LOCAL);
        row(NEW_CELL, effect(-1), Operand.LOCAL);
        row(LOAD_FREE, effect(1), Operand.FREE);
        row(STORE_FREE, effect(-1), Operand.FREE);
        row(LOAD_GLOBAL, effect(1), Operand.GLOBAL);
        row(STORE_GLOBAL, effect(-1), Operand.GLOBAL);
        row(DEFINE_GLOBAL, effect(-1), Operand.GLOBAL);
        row(ADD, effect(-1));
        row(SUB, effect(-1));
        row(MUL, effect(-1));
        row(DIV, effect(-1));
        row(FLOOR_DIV, effect(-1));
        row(MOD, effect(-1));
        row(POW, effect(-1));
        row(NEG, effect(0));
        row(NOT, effect(0));
        row(COMPARE, effect(-1), Operand.TEST);
        row(IN, effect(-1));
        row(NOT_IN, effect(-1));
        row(JUMP, new Effect(0, 0, false, 0), Operand.TARGET);
        row(JUMP_IF_FALSE, branch(-1, -1), Operand.TARGET);
        row(JUMP_IF_TRUE, branch(-1, -1), Operand.TARGET);
        row(JUMP_IF_FALSE_OR_POP, branch(-1, 0), Operand.TARGET);
        row(JUMP_IF_TRUE_OR_POP, branch(-1, 0), Operand.TARGET);
        row(JUMP_IF, branch(-2, -2), Operand.TEST, Operand.TARGET);
        row(JUMP_IF_LOCAL_INT, branch(0, 0), Operand.LOCAL, Operand.VALUE, Operand.TEST, Operand.TARGET);
        row(JUMP_IF_LOCALS, branch(0, 0), Operand.LOCAL, Operand.LOCAL, Operand.TEST, Operand.TARGET);
        row(ADD_LOCAL_INT, effect(0), Operand.LOCAL, Operand.VALUE);
        row(BUILD_LIST, effect(1, -1), Operand.COUNT);
        row(BUILD_MAP, effect(1, -2), Operand.COUNT);
        row(INDEX, effect(-1));
        row(STORE_INDEX, effect(-3));
        row(SLICE, effect(-2));
        row(GET_ATTR, effect(0), Operand.NAME);
        row(CALL, effect(0, -1), Operand.COUNT);
        row(CALL_METHOD, effect(0, -1), Operand.NAME, Operand.COUNT);
        row(RETURN, exit(-1));
        row(MAKE_FUNCTION, effect(1), Operand.CONSTANT);
        row(GET_ITER, effect(0));
        row(FOR_ITER, branch(1, -1), Operand.TARGET);
        row(RAISE, exit(-1));
        row(WITH_ENTER, effect(0));
        row(WITH_EXIT, effect(-1));
        row(WITH_ABORT, exit(-2));
        row(SPAWN, effect(0, -1), Operand.COUNT);
        row(SLICE_STEP, effect(-3));
        row(UNPACK, effect(-1, 1), Operand.COUNT);
        // The COUNT of these two says how deep the collection lies, not how many values they pop.
        row(LIST_APPEND, effect(-1), Operand.COUNT);
        row(MAP_PUT, effect(-2), Operand.COUNT);
        row(FORMAT, effect(0), Operand.CONSTANT);
        row(BUILD_STRING, effect(1, -1), Operand.COUNT);
        row(CALL_KW, effect(0, -1), Operand.COUNT, Operand.CONSTANT);
        row(CALL_METHOD_KW, effect(0, -1), Operand.NAME, Operand.COUNT, Operand.CONSTANT);
        row(MAKE_FUNCTION_DEFS, effect(1, -1), Operand.CONSTANT, Operand.COUNT);
        row(INPLACE_ADD, effect(-1));
        row(REPR, effect(0));
        row(FORMAT_WITH_SPEC, effect(-1));
        row(SWAP, effect(0), Operand.VALUE);
        row(EMPTY_CELL, effect(0), Operand.LOCAL);
        row(INPLACE_MUL, effect(-1));
        for (int op = 0; op < ROWS.length; op++) {
            if (ROWS[op] == null) {
                throw new AssertionError("opcode " + NAMES[op] + " has no row in the instruction table");
            }
        }
    }

    private static Effect effect(int fixed) {
        return new Effect(fixed, 0, true, NO_JUMP);
    }

    private static Effect effect(int fixed, int perCount) {
        return new Effect(fixed, perCount, true, NO_JUMP);
    }

    /** A conditional jump: its effect falling through, then jumping. */
    private static Effect branch(int fallingThrough, int jumping) {
        return new Effect(fallingThrough, 0, true, jumping);
    }

    /** An instruction that leaves the function or raises: never falls through. */
    private static Effect exit(int pops) {
        return new Effect(pops, 0, false, NO_JUMP);
    }

    private static void row(int op, Effect effect, Operand... operands) {
        int countAt = Arrays.asList(operands).indexOf(Operand.COUNT);
        boolean targetLast = operands.length > 0 && operands[operands.length - 1] == Operand.TARGET;
        if (effect.perCount != 0 && countAt < 0 || targetLast != (effect.jumping != NO_JUMP)) {
            throw new AssertionError("inconsistent row for " + NAMES[op]);
        }
        ROWS[op] = new Row(operands, effect.fixed, effect.perCount, countAt, effect.fallsThrough, effect.jumping);
    }

    public static String name(int op) {
        return NAMES[op];
    }

    public static Operand[] operands(int op) {
        return ROWS[op].operands;
    }

    /** Instruction length in ints, opcode included. */
    public static int length(int op) {
        return 1 + ROWS[op].operands.length;
    }

    public static int count() {
        return NAMES.length;
    }

    /**
     * The net change of the operand-stack depth, in entries, when the instruction at
     * {@code code[at]} (opcode {@code op}, its operands in {@code code[at + 1 ..]}) completes and
     * execution falls through to the next instruction. For an instruction that never falls
     * through (see {@link #fallsThrough}) it is what the instruction pops: JUMP 0, RETURN and
     * RAISE -1, WITH_ABORT -2. A call's callee is counted: CALL n is {@code -n}.
     */
    public static int stackEffect(int op, int[] code, int at) {
        Row row = ROWS[op];
        return row.perCount == 0 ? row.fixed : row.fixed + row.perCount * code[at + 1 + row.countAt];
    }

    /**
     * The net change of the operand-stack depth, in entries, when the jumping instruction at
     * {@code code[at]} takes its jump: JUMP, JUMP_IF_LOCAL_INT and JUMP_IF_LOCALS 0,
     * JUMP_IF_FALSE and JUMP_IF_TRUE -1, JUMP_IF_FALSE_OR_POP and JUMP_IF_TRUE_OR_POP 0 (they
     * keep the value), JUMP_IF -2, FOR_ITER -1 (the exhausted iterator popped).
     *
     * @throws IllegalArgumentException if {@code op} does not jump
     */
    public static int jumpStackEffect(int op, int[] code, int at) {
        if (!jumps(op)) {
            throw new IllegalArgumentException(NAMES[op] + " does not jump");
        }
        return ROWS[op].jumping;
    }

    /** Whether {@code op} may jump: its last operand is a TARGET. */
    public static boolean jumps(int op) {
        return ROWS[op].jumping != NO_JUMP;
    }

    /** Whether execution may continue with the next instruction: false for JUMP, RETURN, RAISE, WITH_ABORT. */
    public static boolean fallsThrough(int op) {
        return ROWS[op].fallsThrough;
    }

    /**
     * The absolute offset the jumping instruction at {@code code[at]} jumps to: its last operand.
     *
     * @throws IllegalArgumentException if {@code op} does not jump
     */
    public static int jumpTarget(int op, int[] code, int at) {
        if (!jumps(op)) {
            throw new IllegalArgumentException(NAMES[op] + " does not jump");
        }
        return code[at + ROWS[op].operands.length];
    }
}
