package toy.interpreter.vm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import toy.interpreter.bytecode.Globals;

/**
 * The builtins of one program, installed a {@link BuiltinGroup} at a time: the VM's start only
 * names their globals' slots, which stay undefined (null) until the program first reads or
 * assigns one of the group's names. Then the interpreter's slow path for an undefined global
 * ({@link Globals#load}) asks here, the group is defined, and the read or write goes on; a
 * name no group has stays a NameError. Hello world so links the lambdas of {@code print} and
 * {@code input} only, none of the other 69 builtins' (docs/speed.md, "Builtins on first use").
 */
final class LazyBuiltins implements Globals.Provider {
    /** Atomic access to a slot of {@link Globals#values}, which the program writes without a lock. */
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Vm vm;
    /** The group that defines each slot's name; null past the builtins or for a program's own name. */
    private final BuiltinGroup[] groupOf;
    /** Per group (by ordinal), whether it is installed; guarded by this. */
    private final boolean[] installed = new boolean[BuiltinGroup.values().length];

    private LazyBuiltins(Vm vm, BuiltinGroup[] groupOf) {
        this.vm = vm;
        this.groupOf = groupOf;
    }

    /** Names every builtin's slot in vm's globals, in {@link BuiltinGroup} order, and provides them on first use. */
    static void name(Vm vm) {
        Globals globals = vm.globals;
        for (BuiltinGroup group : BuiltinGroup.values()) {
            for (String name : group.names) {
                globals.indexOf(name);
            }
        }
        BuiltinGroup[] groupOf = new BuiltinGroup[globals.size()];
        for (BuiltinGroup group : BuiltinGroup.values()) {
            for (String name : group.names) {
                groupOf[globals.indexOf(name)] = group;
            }
        }
        globals.provideBy(new LazyBuiltins(vm, groupOf));
    }

    /**
     * Installs the group of slot's name, once. Under a lock, so that threads running without
     * the GIL ({@code --gil off}) install a group once; a slot is filled only while it is null
     * (compare-and-set), so a program's own global of the same name, written by another thread
     * meanwhile, stays. A thread that finds the value on its hot path without the lock sees a
     * whole builtin: its fields are final.
     */
    @Override
    public synchronized void provide(int slot) {
        BuiltinGroup group = slot < groupOf.length ? groupOf[slot] : null;
        if (group == null || installed[group.ordinal()]) {
            return;
        }
        installed[group.ordinal()] = true;
        for (Map.Entry<String, Object> value : group.make(vm).entrySet()) {
            SLOT.compareAndSet(vm.globals.values, vm.globals.indexOf(value.getKey()), (Object) null, value.getValue());
        }
    }
}
