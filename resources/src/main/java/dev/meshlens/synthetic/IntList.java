package dev.meshlens.synthetic;

import java.util.Arrays;

/** A growable list of ints, so that a million-edge topology does not box a million Integers. */
final class IntList {
    private int[] values;
    private int size;

    IntList() {
        this(8);
    }

    IntList(int capacity) {
        values = new int[Math.max(1, capacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " >= " + size);
        }
        return values[index];
    }

    int size() {
        return size;
    }

    boolean contains(int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
