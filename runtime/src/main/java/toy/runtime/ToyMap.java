package toy.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Toy's map: insertion-ordered, keyed by int, float, str, bool or nil. Keys Toy calls equal
 * ({@code 1} and {@code 1.0}) are one key ({@link MapKey}), and the entry keeps the key object
 * it was first stored with. Atomic per operation like {@link ToyList}: locked only when
 * {@link ContainerLocks#required()}.
 *
 * <p>The layout is CPython's compact dict ({@code Objects/dictobject.c}, since 3.6): the
 * entries sit in insertion order in dense arrays ({@code hashes}, {@code keys},
 * {@code values}), and a separate open-addressing table {@code index}, a power of two long,
 * holds for each slot {@link #EMPTY}, {@link #REMOVED} or the position of an entry. A lookup
 * probes the table in CPython's order ({@code i = 5i + 1 + perturb}, perturb shifted right 5
 * bits each step, so that every bit of the hash is used). Removing an entry leaves a hole in
 * the entries ({@code keys[i] == null}) and a {@link #REMOVED} slot in the table; both go when
 * the table is rebuilt, which happens when the entries array is full (at 2/3 of the table).
 * An int key is looked up without boxing it ({@link #getInt}, {@link #putInt}).
 */
public final class ToyMap implements ToyObject {
    private static final int EMPTY = -1;
    private static final int REMOVED = -2;
    private static final int MIN_TABLE = 8;
    private static final int PERTURB_SHIFT = 5;

    private int[] index;
    private int[] hashes;
    private Object[] keys;
    private Object[] values;
    /** Entry positions taken, removed entries included. */
    private int used;
    /** Live entries. */
    private int size;

    public ToyMap() {
        allocate(MIN_TABLE);
    }

    private void allocate(int tableSize) {
        index = new int[tableSize];
        Arrays.fill(index, EMPTY);
        int usable = tableSize * 2 / 3;
        hashes = new int[usable];
        keys = new Object[usable];
        values = new Object[usable];
        used = 0;
        size = 0;
    }

    /** The value stored under key, or Java null if there is none. */
    public Object get(Object key) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return getNow(key);
            }
        }
        return getNow(key);
    }

    private Object getNow(Object key) {
        int slot = find(key, MapKey.hash(key));
        return slot < 0 ? null : values[index[slot]];
    }

    /** {@link #get(Object)} of an int key, not boxed. */
    public Object getInt(long key) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return getNow(key);
            }
        }
        return getNow(key);
    }

    private Object getNow(long key) {
        int slot = find(key);
        return slot < 0 ? null : values[index[slot]];
    }

    public void put(Object key, Object value) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                putNow(key, value);
                return;
            }
        }
        putNow(key, value);
    }

    private void putNow(Object key, Object value) {
        int hash = MapKey.hash(key);
        int slot = find(key, hash);
        if (slot >= 0) {
            values[index[slot]] = value;
        } else {
            insert(-1 - slot, hash, key, value);
        }
    }

    /** {@link #put(Object, Object)} of an int key, boxed only when it makes a new entry. */
    public void putInt(long key, Object value) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                putNow(key, value);
                return;
            }
        }
        putNow(key, value);
    }

    private void putNow(long key, Object value) {
        int slot = find(key);
        if (slot >= 0) {
            values[index[slot]] = value;
        } else {
            insert(-1 - slot, MapKey.hash(key), key, value);
        }
    }

    /** Removes the entry for key; its value, or Java null if there was none. */
    public Object remove(Object key) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return removeNow(key);
            }
        }
        return removeNow(key);
    }

    private Object removeNow(Object key) {
        int slot = find(key, MapKey.hash(key));
        if (slot < 0) {
            return null;
        }
        int at = index[slot];
        Object value = values[at];
        index[slot] = REMOVED;
        keys[at] = null;
        values[at] = null;
        size--;
        return value;
    }

    /** The value under key, after storing {@code value} there if there was none (setdefault). */
    public Object putIfAbsent(Object key, Object value) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return putIfAbsentNow(key, value);
            }
        }
        return putIfAbsentNow(key, value);
    }

    private Object putIfAbsentNow(Object key, Object value) {
        int hash = MapKey.hash(key);
        int slot = find(key, hash);
        if (slot >= 0) {
            return values[index[slot]];
        }
        insert(-1 - slot, hash, key, value);
        return value;
    }

    public void clear() {
        if (ContainerLocks.required()) {
            synchronized (this) {
                allocate(MIN_TABLE);
                return;
            }
        }
        allocate(MIN_TABLE);
    }

    public boolean containsKey(Object key) {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return find(key, MapKey.hash(key)) >= 0;
            }
        }
        return find(key, MapKey.hash(key)) >= 0;
    }

    public int size() {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return size;
            }
        }
        return size;
    }

    public ToyList keys() {
        return ToyList.of(keyArray());
    }

    public ToyList values() {
        return ToyList.of(valueArray());
    }

    /** A snapshot of the entries in insertion order. */
    public List<Map.Entry<Object, Object>> entries() {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return entriesNow();
            }
        }
        return entriesNow();
    }

    private List<Map.Entry<Object, Object>> entriesNow() {
        List<Map.Entry<Object, Object>> list = new ArrayList<>(size);
        for (int i = 0; i < used; i++) {
            if (keys[i] != null) {
                list.add(Map.entry(keys[i], values[i]));
            }
        }
        return list;
    }

    /** A snapshot of the keys in insertion order. */
    Object[] keyArray() {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return live(keys);
            }
        }
        return live(keys);
    }

    private Object[] valueArray() {
        if (ContainerLocks.required()) {
            synchronized (this) {
                return live(values);
            }
        }
        return live(values);
    }

    /** The items of {@code column} (keys or values) at the live entries, in order. */
    private Object[] live(Object[] column) {
        Object[] out = new Object[size];
        int n = 0;
        for (int i = 0; i < used; i++) {
            if (keys[i] != null) {
                out[n++] = column[i];
            }
        }
        return out;
    }

    /**
     * The table slot holding key's entry, or {@code -1 - s} where s is the first empty slot
     * of its probe sequence (where a new entry for it goes).
     */
    private int find(Object key, int hash) {
        int mask = index.length - 1;
        int slot = hash & mask;
        for (int perturb = hash;; perturb >>>= PERTURB_SHIFT) {
            int at = index[slot];
            if (at == EMPTY) {
                return -1 - slot;
            }
            if (at >= 0 && hashes[at] == hash && MapKey.equal(keys[at], key)) {
                return slot;
            }
            slot = (slot * 5 + 1 + perturb) & mask;
        }
    }

    /** {@link #find(Object, int)} for an int key. */
    private int find(long key) {
        int hash = MapKey.hash(key);
        int mask = index.length - 1;
        int slot = hash & mask;
        for (int perturb = hash;; perturb >>>= PERTURB_SHIFT) {
            int at = index[slot];
            if (at == EMPTY) {
                return -1 - slot;
            }
            if (at >= 0 && hashes[at] == hash && MapKey.equal(keys[at], key)) {
                return slot;
            }
            slot = (slot * 5 + 1 + perturb) & mask;
        }
    }

    /** Adds a new entry whose key find() did not find, at the empty table slot it named. */
    private void insert(int slot, int hash, Object key, Object value) {
        if (used == keys.length) {
            rebuild();
            slot = -1 - find(key, hash);
        }
        hashes[used] = hash;
        keys[used] = key;
        values[used] = value;
        index[slot] = used++;
        size++;
    }

    /**
     * A table about three times the live entries (CPython's growth rate), the entries moved up
     * over the holes removals left, and the table filled again from them.
     */
    private void rebuild() {
        int[] oldHashes = hashes;
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int oldUsed = used;
        int tableSize = MIN_TABLE;
        while (tableSize < 3L * size) {
            tableSize <<= 1;
        }
        allocate(tableSize);
        int mask = tableSize - 1;
        for (int i = 0; i < oldUsed; i++) {
            if (oldKeys[i] == null) {
                continue;
            }
            int hash = oldHashes[i];
            int slot = hash & mask;
            for (int perturb = hash; index[slot] != EMPTY; perturb >>>= PERTURB_SHIFT) {
                slot = (slot * 5 + 1 + perturb) & mask;
            }
            hashes[used] = hash;
            keys[used] = oldKeys[i];
            values[used] = oldValues[i];
            index[slot] = used++;
        }
        size = used;
    }

    @Override
    public String typeName() {
        return "map";
    }

    @Override
    public String str() {
        return Values.str(this);
    }
}
