package toy.runtime;

/**
 * {@code x.name} and {@code x.name(args)} for every value: str, list and map have one
 * {@link MethodTable} each ({@link StrMethods}, {@link ListMethods}, {@link MapMethods});
 * other values have a table of their own ({@link HasMethods}) or are {@link Members} and answer
 * for themselves. Toy has no AttributeError: a
 * missing attribute is a TypeError with Python's message.
 */
public final class Methods {
    private Methods() {
    }

    public static Object getAttribute(Object receiver, String name) {
        Object value = receiver instanceof Members m ? m.getAttribute(name) : null;
        MethodTable<?> table = table(receiver);
        if (value == null && table != null && table.has(name)) {
            value = new BoundMethod(receiver, name);
        }
        if (value == null) {
            throw ToyError.typeError("'" + Values.typeName(receiver) + "' object has no attribute '" + name + "'"
                    + (table == null ? "" : Suggestions.didYouMean(name, table.names())));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Object callMethod(Caller caller, Object receiver, String name, Object[] args, Keywords keywords) {
        Object result = null;
        MethodTable<Object> table = (MethodTable<Object>) table(receiver);
        if (table != null) {
            result = table.call(receiver, name, caller, args, keywords);
        }
        if (result == null && receiver instanceof Members m) {
            if (!keywords.isEmpty() && m.getAttribute(name) instanceof BoundMethod) {
                throw Keywords.unexpected(name, keywords.name(0));
            }
            result = m.callMethod(name, args);
        }
        if (result != null) {
            return result;
        }
        // Not a method: either no such attribute at all, or one that holds a plain value (e.kind()).
        Object attribute = getAttribute(receiver, name);
        throw ToyError.typeError("'" + Values.typeName(attribute) + "' object is not callable");
    }

    private static MethodTable<?> table(Object receiver) {
        if (receiver instanceof String) {
            return StrMethods.TABLE;
        }
        if (receiver instanceof ToyList) {
            return ListMethods.TABLE;
        }
        if (receiver instanceof ToyMap) {
            return MapMethods.TABLE;
        }
        if (receiver instanceof HasMethods h) {
            return h.methods();
        }
        return null;
    }
}
