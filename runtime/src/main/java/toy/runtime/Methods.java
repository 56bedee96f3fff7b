package toy.runtime;

/**
 * {@code x.name} and {@code x.name(args)} for every value: {@link Members} answer for
 * themselves, str's methods live in {@link StrMethods}. Toy has no AttributeError: a missing
 * attribute is a TypeError with Python's message.
 */
public final class Methods {
    private Methods() {
    }

    public static Object getAttribute(Object receiver, String name) {
        Object value = null;
        if (receiver instanceof Members m) {
            value = m.getAttribute(name);
        } else if (receiver instanceof String && StrMethods.has(name)) {
            value = new BoundMethod(receiver, name);
        }
        if (value == null) {
            throw ToyError.typeError("'" + Values.typeName(receiver) + "' object has no attribute '" + name + "'");
        }
        return value;
    }

    public static Object callMethod(Object receiver, String name, Object[] args) {
        Object result = null;
        if (receiver instanceof Members m) {
            result = m.callMethod(name, args);
        } else if (receiver instanceof String s) {
            result = StrMethods.call(s, name, args);
        }
        if (result != null) {
            return result;
        }
        // Not a method: either no such attribute at all, or one that holds a plain value (e.kind()).
        Object attribute = getAttribute(receiver, name);
        throw ToyError.typeError("'" + Values.typeName(attribute) + "' object is not callable");
    }
}
