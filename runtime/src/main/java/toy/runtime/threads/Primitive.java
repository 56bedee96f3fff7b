package toy.runtime.threads;

import toy.runtime.HasMethods;
import toy.runtime.ToyObject;
import toy.runtime.observe.ContentionStats;

/**
 * What every synchronization primitive (Lock, RLock, Semaphore, Condition, Event, Queue) has:
 * the scheduler it waits through, the name the script gave it ({@code name=}, or null), the
 * {@code file:line} that created it, and its contention counters for {@code --stats}.
 */
abstract class Primitive implements ToyObject, HasMethods {
    final Scheduler scheduler;
    final String name;
    final String site;
    final ContentionStats contention;
    private final String kind;

    /** {@code kind} is the type's name, "Lock"; {@code name} null when the script gave none. */
    Primitive(Scheduler scheduler, String name, String site, String kind) {
        this.scheduler = scheduler;
        this.name = name;
        this.site = site;
        this.kind = kind;
        this.contention = scheduler.contention(kind, name, site);
    }

    @Override
    public String typeName() {
        return kind;
    }

    /** How reports name it: {@code Lock "fork 2" (philosophers.toy:2)}, or {@code Lock (race.toy:3)} without a name. */
    String label() {
        return typeName() + (name == null ? "" : " \"" + name + "\"") + " (" + site + ")";
    }

    @Override
    public String str() {
        return "<" + label() + ">";
    }
}
