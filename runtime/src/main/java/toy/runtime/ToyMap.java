package toy.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Toy's map: insertion-ordered, keyed by int, float, str, bool or nil. Keys Toy calls equal
 * ({@code 1} and {@code 1.0}) are one key, and the entry keeps the key object it was first
 * stored with. Synchronized like {@link ToyList}.
 */
public final class ToyMap implements ToyObject {

    /** Filed under {@link MapKey#of}; insertion order survives overwriting an entry. */
    private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final Object key;
        Object value;

        Entry(Object key, Object value) {
            this.key = key;
            this.value = value;
        }
    }

    /** The value stored under key, or Java null if there is none. */
    public synchronized Object get(Object key) {
        Entry e = entries.get(MapKey.of(key));
        return e == null ? null : e.value;
    }

    public synchronized void put(Object key, Object value) {
        Object filed = MapKey.of(key);
        Entry e = entries.get(filed);
        if (e == null) {
            entries.put(filed, new Entry(key, value));
        } else {
            e.value = value;
        }
    }

    /** Removes the entry for key; its value, or Java null if there was none. */
    public synchronized Object remove(Object key) {
        Entry e = entries.remove(MapKey.of(key));
        return e == null ? null : e.value;
    }

    /** The value under key, after storing {@code value} there if there was none (setdefault). */
    public synchronized Object putIfAbsent(Object key, Object value) {
        Object filed = MapKey.of(key);
        Entry e = entries.get(filed);
        if (e == null) {
            entries.put(filed, new Entry(key, value));
            return value;
        }
        return e.value;
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(MapKey.of(key));
    }

    public synchronized int size() {
        return entries.size();
    }

    public ToyList keys() {
        return ToyList.of(keyArray());
    }

    public synchronized ToyList values() {
        ToyList list = new ToyList();
        for (Entry e : entries.values()) {
            list.add(e.value);
        }
        return list;
    }

    /** A snapshot of the entries in insertion order. */
    public synchronized List<Map.Entry<Object, Object>> entries() {
        List<Map.Entry<Object, Object>> list = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            list.add(Map.entry(e.key, e.value));
        }
        return list;
    }

    synchronized Object[] keyArray() {
        Object[] keys = new Object[entries.size()];
        int i = 0;
        for (Entry e : entries.values()) {
            keys[i++] = e.key;
        }
        return keys;
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
