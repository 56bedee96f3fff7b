package toy.runtime;

/** A method taken as a value ({@code let f = xs.append}), to be called later. */
public final class BoundMethod implements ToyObject {
    private final Object receiver;
    private final String name;

    public BoundMethod(Object receiver, String name) {
        this.receiver = receiver;
        this.name = name;
    }

    public Object receiver() {
        return receiver;
    }

    public String name() {
        return name;
    }

    public Object call(Caller caller, Object[] args, Keywords keywords) {
        return Methods.callMethod(caller, receiver, name, args, keywords);
    }

    @Override
    public String typeName() {
        return "builtin";
    }

    @Override
    public String str() {
        return "<method " + name + " of " + Values.typeName(receiver) + ">";
    }
}
