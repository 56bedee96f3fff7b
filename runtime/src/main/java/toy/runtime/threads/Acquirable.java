package toy.runtime.threads;

import toy.runtime.Arity;
import toy.runtime.BoundMethod;
import toy.runtime.Members;
import toy.runtime.Nil;
import toy.runtime.Resource;
import toy.runtime.ToyObject;

/** What Lock and Semaphore share: {@code acquire()}, {@code release()}, use in {@code with}, a name by origin. */
abstract class Acquirable implements ToyObject, Members, Resource {
    final Scheduler scheduler;
    /** The file:line that created it, for reports. */
    final String origin;

    Acquirable(Scheduler scheduler, String origin) {
        this.scheduler = scheduler;
        this.origin = origin;
    }

    public abstract void acquire();

    public abstract void release();

    /** The methods this value has besides acquire and release; all take no arguments. */
    boolean hasMethod(String name) {
        return name.equals("acquire") || name.equals("release");
    }

    /** Calls one of the extra methods of {@link #hasMethod}. */
    Object callOther(String name) {
        throw new IllegalArgumentException(name);
    }

    @Override
    public void enter() {
        acquire();
    }

    @Override
    public void exit() {
        release();
    }

    @Override
    public Object getAttribute(String name) {
        return hasMethod(name) ? new BoundMethod(this, name) : null;
    }

    @Override
    public Object callMethod(String name, Object[] args) {
        if (!hasMethod(name)) {
            return null;
        }
        Arity.takes(typeName() + "." + name, 0, 0).check(args.length);
        switch (name) {
            case "acquire" -> acquire();
            case "release" -> release();
            default -> {
                return callOther(name);
            }
        }
        return Nil.NIL;
    }

    @Override
    public String str() {
        return "<" + typeName() + " (" + origin + ")>";
    }
}
