package dev.meshlens.engine.lineage;

import java.util.AbstractList;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * An unmodifiable list whose elements are made on access from data no one else holds: lets the index hand out
 * a traversal's answer without building thousands of element objects the caller may never look at. Results
 * accept it without copying.
 */
final class FrozenList<T> extends AbstractList<T> implements RandomAccess {
    private final int size;
    private final IntFunction<T> element;

    /** @param element makes element {@code i}; must always give equal elements for equal {@code i} */
    FrozenList(int size, IntFunction<T> element) {
        this.size = size;
        this.element = element;
    }

    /** A list over {@code array}, which the caller must never change again. */
    static <T> FrozenList<T> of(T[] array) {
        return new FrozenList<>(array.length, i -> array[i]);
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return element.apply(index);
    }

    @Override
    public int size() {
        return size;
    }
}
