package toy.runtime;

import java.util.Map;

/** The methods of map (LANGUAGE.md section 5), with Python's behaviour and messages. */
final class MapMethods {
    static final MethodTable<ToyMap> TABLE = new MethodTable<ToyMap>()
            .add("keys", Arity.takes("map.keys", 0, 0), (m, a) -> m.keys())
            .add("values", Arity.takes("map.values", 0, 0), (m, a) -> m.values())
            .add("items", Arity.takes("map.items", 0, 0), (m, a) -> {
                ToyList items = new ToyList();
                for (Map.Entry<Object, Object> e : m.entries()) {
                    items.add(ToyList.of(e.getKey(), e.getValue()));
                }
                return items;
            })
            .add("get", Arity.expects("get", 1, 2), (m, a) -> get(m, a[0], a.length == 2 ? a[1] : Nil.NIL))
            .add("pop", Arity.expects("pop", 1, 2), (m, a) -> {
                Object value = m.remove(a[0]);
                if (value != null) {
                    return value;
                }
                if (a.length == 2) {
                    return a[1];
                }
                throw new ToyError("KeyError", Values.repr(a[0]));
            })
            .add("setdefault", Arity.expects("setdefault", 1, 2), (m, a) -> m.putIfAbsent(a[0], a.length == 2 ? a[1] : Nil.NIL))
            .add("update", Arity.expects("update", 1, 1), (m, a) -> {
                if (!(a[0] instanceof ToyMap other)) {
                    throw ToyError.typeError("'" + Values.typeName(a[0]) + "' object is not a map");
                }
                for (Map.Entry<Object, Object> e : other.entries()) {
                    m.put(e.getKey(), e.getValue());
                }
                return Nil.NIL;
            })
            .add("copy", Arity.takes("map.copy", 0, 0), (m, a) -> {
                ToyMap copy = new ToyMap();
                for (Map.Entry<Object, Object> e : m.entries()) {
                    copy.put(e.getKey(), e.getValue());
                }
                return copy;
            })
            .add("clear", Arity.takes("map.clear", 0, 0), (m, a) -> {
                m.clear();
                return Nil.NIL;
            });

    private MapMethods() {
    }

    /** {@code m.get(key, otherwise)}. */
    static Object get(ToyMap m, Object key, Object otherwise) {
        Object value = m.get(key);
        return value != null ? value : otherwise;
    }
}
