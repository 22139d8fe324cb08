package napster.indexer;

import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * A hash set of objects that carry their own hash, by open addressing with linear probing:
 * one array slot per element (about 8 bytes) where a HashMap spends an entry and a key
 * object (40 bytes and more). Lookups take a hash and a test, so callers find an element by
 * a key they hold in pieces (four longs of a SHA-256, a name as a String) without making a
 * key object. Each slot also keeps 8 bits of its element's hash, so a probe reads another
 * element (a cache miss at a million of them) only when those bits match. Removal shifts
 * the probe run back instead of leaving tombstones. Not thread-safe.
 */
final class OpenSet<T> {
    private static final int MIN_CAPACITY = 4;

    private final ToIntFunction<? super T> hashOf;
    private Object[] slots = new Object[MIN_CAPACITY];
    private byte[] tags = new byte[MIN_CAPACITY];
    private int size;

    OpenSet(ToIntFunction<? super T> hashOf) {
        this.hashOf = hashOf;
    }

    /** A well-spread int from any long. */
    static int spread(long value) {
        return (int) mix(value);
    }

    /** The finaliser of MurmurHash3's 64-bit hash: a bijection whose every output bit depends on every input bit. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The element with this hash that passes the test, or null. */
    T find(int hash, Predicate<? super T> matches) {
        int at = indexOf(hash, matches);
        return at < 0 ? null : element(at);
    }

    /** Adds an element the set does not hold yet (the caller has looked it up). */
    void add(T element) {
        if (3 * (size + 1) > 2 * slots.length) {
            resize(slots.length * 2);
        }
        int hash = hashOf.applyAsInt(element);
        int mask = slots.length - 1;
        int at = hash & mask;
        while (slots[at] != null) {
            at = (at + 1) & mask;
        }
        slots[at] = element;
        tags[at] = tag(hash);
        size++;
    }

    /** Removes and returns the element with this hash that passes the test, or null. */
    T remove(int hash, Predicate<? super T> matches) {
        int at = indexOf(hash, matches);
        if (at < 0) {
            return null;
        }
        T removed = element(at);
        removeAt(at);
        return removed;
    }

    /** Removes this very element; false if the set does not hold it. */
    boolean remove(T element) {
        return remove(hashOf.applyAsInt(element), candidate -> candidate == element) != null;
    }

    void forEach(Consumer<? super T> action) {
        for (Object slot : slots) {
            if (slot != null) {
                action.accept(element(slot));
            }
        }
    }

    private int indexOf(int hash, Predicate<? super T> matches) {
        int mask = slots.length - 1;
        byte tag = tag(hash);
        for (int at = hash & mask; ; at = (at + 1) & mask) {
            Object slot = slots[at];
            if (slot == null) {
                return -1;
            }
            if (tags[at] == tag) {
                T candidate = element(slot);
                if (hashOf.applyAsInt(candidate) == hash && matches.test(candidate)) {
                    return at;
                }
            }
        }
    }

    /** Bits of the hash that the slot index does not use (unless the set is huge). */
    private static byte tag(int hash) {
        return (byte) (hash >>> 24);
    }

    private void removeAt(int removed) {
        int mask = slots.length - 1;
        int gap = removed;
        // move back every later element of the run whose home slot is not between the gap and it
        for (int at = (gap + 1) & mask; slots[at] != null; at = (at + 1) & mask) {
            int home = hashOf.applyAsInt(element(at)) & mask;
            if (((at - home) & mask) >= ((at - gap) & mask)) {
                slots[gap] = slots[at];
                tags[gap] = tags[at];
                gap = at;
            }
        }
        slots[gap] = null;
        size--;
        if (slots.length > MIN_CAPACITY && 8 * size < slots.length) {
            resize(slots.length / 2);
        }
    }

    private void resize(int capacity) {
        Object[] old = slots;
        slots = new Object[capacity];
        tags = new byte[capacity];
        size = 0;
        for (Object slot : old) {
            if (slot != null) {
                add(element(slot));
            }
        }
    }

    private T element(int at) {
        return element(slots[at]);
    }

    @SuppressWarnings("unchecked")
    private T element(Object slot) {
        return (T) slot;
    }
}
