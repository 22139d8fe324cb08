package napster.indexer;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A hash set by open addressing with linear probing: one array slot per element and its
 * hash beside it (about 12 bytes an element) where a HashMap spends an entry and a key
 * object (40 bytes and more). Callers give the hash, and find an element by a key they hold
 * in pieces (four longs of a SHA-256, a name as a String) without making a key object.
 * Probes, resizes and removals compare the kept hashes, so they read no other element (a
 * cache miss each at a million of them). Removal shifts the probe run back instead of
 * leaving tombstones. Not thread-safe.
 */
final class OpenSet<T> {
    private static final int MIN_CAPACITY = 4;

    private Object[] slots;
    private int[] hashes;
    private int size;

    OpenSet() {
        this(MIN_CAPACITY);
    }

    /** A set that holds {@code expected} elements without growing. */
    OpenSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, 3 * expected / 2 + 1) - 1) << 1;
        slots = new Object[capacity];
        hashes = new int[capacity];
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
    void add(T element, int hash) {
        if (3 * (size + 1) > 2 * slots.length) {
            resize(slots.length * 2);
        }
        place(element, hash);
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

    /** Removes this very element, added with this hash; false if the set does not hold it. */
    boolean remove(T element, int hash) {
        return remove(hash, candidate -> candidate == element) != null;
    }

    /** Visits the elements until {@code action} returns false. */
    void forEachWhile(java.util.function.Predicate<? super T> action) {
        for (Object slot : slots) {
            if (slot != null && !action.test(element(slot))) {
                return;
            }
        }
    }

    void forEach(Consumer<? super T> action) {
        for (Object slot : slots) {
            if (slot != null) {
                action.accept(element(slot));
            }
        }
    }

    private void place(Object element, int hash) {
        int mask = slots.length - 1;
        int at = hash & mask;
        while (slots[at] != null) {
            at = (at + 1) & mask;
        }
        slots[at] = element;
        hashes[at] = hash;
        size++;
    }

    private int indexOf(int hash, Predicate<? super T> matches) {
        int mask = slots.length - 1;
        for (int at = hash & mask; ; at = (at + 1) & mask) {
            Object slot = slots[at];
            if (slot == null) {
                return -1;
            }
            if (hashes[at] == hash && matches.test(element(slot))) {
                return at;
            }
        }
    }

    private void removeAt(int removed) {
        int mask = slots.length - 1;
        int gap = removed;
        // move back every later element of the run whose home slot is not between the gap and it
        for (int at = (gap + 1) & mask; slots[at] != null; at = (at + 1) & mask) {
            int home = hashes[at] & mask;
            if (((at - home) & mask) >= ((at - gap) & mask)) {
                slots[gap] = slots[at];
                hashes[gap] = hashes[at];
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
        Object[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new Object[capacity];
        hashes = new int[capacity];
        size = 0;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != null) {
                place(oldSlots[i], oldHashes[i]);
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
