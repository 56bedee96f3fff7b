package toy.interpreter.bytecode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The global variables of one program: a slot per name, assigned by the compiler, holding a
 * value or Java null while the name is not defined (reading it is then a NameError). Builtins
 * are named here before the script runs and defined by a {@link Provider} when first read, so a
 * script's own global of the same name replaces the builtin from the moment its {@code let}
 * runs, as in Python.
 */
public final class Globals {
    private final Map<String, Integer> indexes = new HashMap<>();
    private String[] names = new String[64];
    /** Read directly by the VM's hot loop. Values are boxed (int as Long). */
    public Object[] values = new Object[64];
    /** Per slot, whether the program declares the name at its top level ({@link #declare}). */
    private boolean[] declared = new boolean[64];
    private int count;
    /** Defines slots on first use; null: none. */
    private Provider provider;

    /** What defines a name on its first use: the VM's builtins, installed a group at a time. */
    public interface Provider {
        /**
         * Defines slot, if this provider stands for its name, with the others it defines at the
         * same time; never replaces a defined slot. Safe to call from parallel threads.
         */
        void provide(int slot);
    }

    /** The slot of a name, added if new. */
    public int indexOf(String name) {
        Integer index = indexes.get(name);
        if (index != null) {
            return index;
        }
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            values = Arrays.copyOf(values, count * 2);
            declared = Arrays.copyOf(declared, count * 2);
        }
        names[count] = name;
        indexes.put(name, count);
        return count++;
    }

    /** The slot of a name the program declares at its top level ({@code let}, {@code fn}, ...), added if new. */
    public int declare(String name) {
        int slot = indexOf(name);
        declared[slot] = true;
        return slot;
    }

    /**
     * Whether the program declares the name of slot at its top level anywhere, also below the
     * code that uses it (an assignment there is then early, not a name Toy never heard of).
     */
    public boolean declared(int slot) {
        return declared[slot];
    }

    /** How many slots there are: slots 0 to {@code size() - 1}. */
    public int size() {
        return count;
    }

    public String name(int index) {
        return names[index];
    }

    public void define(String name, Object value) {
        // indexOf may grow the arrays: take the slot before reading the field.
        int slot = indexOf(name);
        values[slot] = value;
    }

    /** Sets the provider that {@link #load} asks for undefined slots. */
    public void provideBy(Provider provider) {
        this.provider = provider;
    }

    /**
     * The value of slot, after asking the provider to define it if it is not defined yet; null
     * if it still is not. The interpreter's slow path for a global read or write that finds null.
     */
    public Object load(int slot) {
        Object value = values[slot];
        if (value == null && provider != null) {
            provider.provide(slot);
            value = values[slot];
        }
        return value;
    }

    /** The value of the global name (provided if need be, see {@link #load}), or null if it is not defined. */
    public Object get(String name) {
        Integer index = indexes.get(name);
        return index == null ? null : load(index);
    }
}
