package toy.runtime;

/** The methods of list (LANGUAGE.md section 5), with Python's behaviour and messages. */
final class ListMethods {
    static final MethodTable<ToyList> TABLE = new MethodTable<ToyList>()
            .add("append", Arity.takes("list.append", 1, 1), (l, a) -> append(l, a[0]))
            .add("extend", Arity.takes("list.extend", 1, 1), (l, a) -> {
                l.extend(a[0]);
                return Nil.NIL;
            })
            .add("insert", Arity.expects("insert", 2, 2), (l, a) -> {
                l.insert(Conversions.saturatedIndex(a[0]), a[1]);
                return Nil.NIL;
            })
            .add("pop", Arity.expects("pop", 0, 1), (l, a) -> a.length == 0 ? l.pop() : l.pop(Conversions.saturatedIndex(a[0])))
            .add("remove", Arity.takes("list.remove", 1, 1), (l, a) -> {
                int at = l.indexOf(a[0]);
                if (at < 0 || !l.removeAt(at, a[0])) {
                    throw ToyError.valueError("list.remove(x): x not in list");
                }
                return Nil.NIL;
            })
            .add("index", Arity.expects("index", 1, 3), (l, a) -> {
                // index(x, start, stop): the bounds as a slice's, Python's rules.
                int size = l.size();
                long start = a.length > 1 ? Indexing.clamp(Conversions.index(a[1]), size) : 0;
                long stop = a.length > 2 ? Indexing.clamp(Conversions.index(a[2]), size) : size;
                int at = l.indexOf(a[0], (int) start);
                if (at < 0 || at >= stop) {
                    throw ToyError.valueError(Values.repr(a[0]) + " is not in list");
                }
                return (long) at;
            })
            .add("count", Arity.takes("list.count", 1, 1), (l, a) -> {
                long n = 0;
                for (Object x : l.toArray()) {
                    if (x == a[0] || Values.equal(x, a[0])) {
                        n++;
                    }
                }
                return n;
            })
            .add("sort", (l, caller, args, keywords) -> {
                keywords.allowOnly("sort", "key", "reverse");
                if (args.length > 0) {
                    throw ToyError.typeError("sort() takes no positional arguments");
                }
                return sort(l, caller, Sorting.key(keywords), Sorting.reverse(keywords));
            })
            .add("reverse", Arity.takes("list.reverse", 0, 0), (l, a) -> {
                l.reverse();
                return Nil.NIL;
            })
            .add("copy", Arity.takes("list.copy", 0, 0), (l, a) -> ToyList.of(l.toArray()))
            .add("clear", Arity.takes("list.clear", 0, 0), (l, a) -> {
                l.clear();
                return Nil.NIL;
            });

    private ListMethods() {
    }

    /**
     * {@code l.sort(key=key, reverse=reverse)}, as CPython's list_sort_impl: the list looks empty
     * while the key function and the comparisons run; if they fail, the list is put back as it
     * was, else it holds the sorted items, and a change made to it meanwhile is dropped and is
     * a ValueError. Without the GIL and without a key, when no Toy code runs until it ends, the
     * sort holds the list's lock throughout, as CPython's free-threaded build holds the list's
     * critical section, so that another thread's change waits for it rather than being dropped.
     */
    private static Object sort(ToyList l, Caller caller, Object key, boolean reverse) {
        if (key == Nil.NIL && ContainerLocks.required()) {
            synchronized (l) {
                return sortNow(l, caller, key, reverse);
            }
        }
        return sortNow(l, caller, key, reverse);
    }

    private static Object sortNow(ToyList l, Caller caller, Object key, boolean reverse) {
        Object[] items = l.beginSort();
        Object[] sorted;
        try {
            sorted = Sorting.sorted(caller, items, key, reverse);
        } catch (RuntimeException | Error e) {
            l.endSort(items);
            throw e;
        }
        if (l.endSort(sorted)) {
            throw ToyError.valueError("list modified during sort");
        }
        return Nil.NIL;
    }

    /** {@code l.append(x)}. */
    static Object append(ToyList l, Object x) {
        l.add(x);
        return Nil.NIL;
    }
}
