package toy.interpreter.bytecode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

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

    /** What an operand means, for the disassembler. */
    public enum Operand { CONSTANT, VALUE, LOCAL, FREE, GLOBAL, NAME, TEST, TARGET, COUNT }

    private static final String[] NAMES = new String[FORMAT_WITH_SPEC + 1];
    private static final Operand[][] OPERANDS = new Operand[FORMAT_WITH_SPEC + 1][];

    static {
        for (Field f : Opcode.class.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    NAMES[f.getInt(null)] = f.getName();
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        for (int op = 0; op < OPERANDS.length; op++) {
            OPERANDS[op] = new Operand[0];
        }
        operands(CONST, Operand.CONSTANT);
        operands(INT, Operand.VALUE);
        for (int op : new int[] {LOAD_LOCAL, STORE_LOCAL, LOAD_CELL, STORE_CELL, NEW_CELL}) {
            operands(op, Operand.LOCAL);
        }
        operands(LOAD_FREE, Operand.FREE);
        operands(STORE_FREE, Operand.FREE);
        operands(LOAD_GLOBAL, Operand.GLOBAL);
        operands(STORE_GLOBAL, Operand.GLOBAL);
        operands(DEFINE_GLOBAL, Operand.GLOBAL);
        operands(COMPARE, Operand.TEST);
        for (int op : new int[] {JUMP, JUMP_IF_FALSE, JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER}) {
            operands(op, Operand.TARGET);
        }
        operands(JUMP_IF, Operand.TEST, Operand.TARGET);
        operands(JUMP_IF_LOCAL_INT, Operand.LOCAL, Operand.VALUE, Operand.TEST, Operand.TARGET);
        operands(JUMP_IF_LOCALS, Operand.LOCAL, Operand.LOCAL, Operand.TEST, Operand.TARGET);
        operands(ADD_LOCAL_INT, Operand.LOCAL, Operand.VALUE);
        operands(BUILD_LIST, Operand.COUNT);
        operands(BUILD_MAP, Operand.COUNT);
        operands(GET_ATTR, Operand.NAME);
        operands(CALL, Operand.COUNT);
        operands(CALL_METHOD, Operand.NAME, Operand.COUNT);
        operands(MAKE_FUNCTION, Operand.CONSTANT);
        operands(SPAWN, Operand.COUNT);
        operands(UNPACK, Operand.COUNT);
        operands(LIST_APPEND, Operand.COUNT);
        operands(MAP_PUT, Operand.COUNT);
        operands(FORMAT, Operand.CONSTANT);
        operands(BUILD_STRING, Operand.COUNT);
        operands(CALL_KW, Operand.COUNT, Operand.CONSTANT);
        operands(CALL_METHOD_KW, Operand.NAME, Operand.COUNT, Operand.CONSTANT);
        operands(MAKE_FUNCTION_DEFS, Operand.CONSTANT, Operand.COUNT);
    }

    private static void operands(int op, Operand... kinds) {
        OPERANDS[op] = kinds;
    }

    public static String name(int op) {
        return NAMES[op];
    }

    public static Operand[] operands(int op) {
        return OPERANDS[op];
    }

    /** Instruction length in ints, opcode included. */
    public static int length(int op) {
        return 1 + OPERANDS[op].length;
    }

    public static int count() {
        return NAMES.length;
    }

    // TEMPORARY (jit branch): replaced by the opcode table's versions when branch optable is merged.
    public static boolean jumps(int op) {
        return switch (op) {
            case JUMP, JUMP_IF_FALSE, JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, JUMP_IF,
                 JUMP_IF_LOCAL_INT, JUMP_IF_LOCALS, FOR_ITER -> true;
            default -> false;
        };
    }

    public static int jumpTarget(int op, int[] code, int at) {
        return code[at + length(op) - 1];
    }

    public static int jumpStackEffect(int op, int[] code, int at) {
        return switch (op) {
            case JUMP, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, JUMP_IF_LOCAL_INT, JUMP_IF_LOCALS -> 0;
            case JUMP_IF_FALSE, JUMP_IF_TRUE, FOR_ITER -> -1;
            case JUMP_IF -> -2;
            default -> throw new IllegalArgumentException(name(op) + " does not jump");
        };
    }

    public static int stackEffect(int op, int[] code, int at) {
        int n = OPERANDS[op].length > 0 ? code[at + 1] : 0;
        return switch (op) {
            case CONST, INT, NIL, TRUE, FALSE, LOAD_LOCAL, LOAD_CELL, LOAD_FREE, LOAD_GLOBAL, MAKE_FUNCTION, FOR_ITER -> 1;
            case DUP2 -> 2;
            case POP, STORE_LOCAL, STORE_CELL, NEW_CELL, STORE_FREE, STORE_GLOBAL, DEFINE_GLOBAL, ADD, SUB, MUL, DIV,
                 FLOOR_DIV, MOD, POW, COMPARE, IN, NOT_IN, JUMP_IF_FALSE, JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP,
                 JUMP_IF_TRUE_OR_POP, INDEX, RETURN, RAISE, WITH_EXIT, INPLACE_ADD, FORMAT_WITH_SPEC, LIST_APPEND -> -1;
            case NEG, NOT, JUMP, JUMP_IF_LOCAL_INT, JUMP_IF_LOCALS, ADD_LOCAL_INT, GET_ATTR, GET_ITER, WITH_ENTER,
                 FORMAT, REPR -> 0;
            case JUMP_IF, SLICE, WITH_ABORT, MAP_PUT -> -2;
            case STORE_INDEX, SLICE_STEP -> -3;
            case BUILD_LIST, BUILD_STRING -> 1 - n;
            case BUILD_MAP -> 1 - 2 * n;
            case CALL, SPAWN, CALL_KW -> -n;
            case CALL_METHOD, CALL_METHOD_KW -> -code[at + 2];
            case UNPACK -> n - 1;
            case MAKE_FUNCTION_DEFS -> 1 - code[at + 2];
            default -> throw new IllegalArgumentException(name(op));
        };
    }
}
