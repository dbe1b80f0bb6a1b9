package io.gamebus.codecs.rpfm;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The list behind a decoded JSON array of ints (raw file data: millions of numbers 0..255): an
 * {@code int[]} that boxes on {@link #get} (Integer's cache covers -128..127), so decoding writes no
 * object references into a huge array. Fully mutable like an ArrayList: storing anything but an
 * Integer switches it, once, to an Object[].
 */
final class IntList extends AbstractList<Object> implements RandomAccess {

  private int[] ints;
  private Object[] objects;
  private int size;

  /** Takes ownership of {@code ints}; its first {@code size} elements are the list. */
  IntList(int[] ints, int size) {
    this.ints = ints;
    this.size = size;
  }

  @Override
  public Object get(int index) {
    Objects.checkIndex(index, size);
    return objects == null ? Integer.valueOf(ints[index]) : objects[index];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Object set(int index, Object value) {
    Objects.checkIndex(index, size);
    Object old = get(index);
    if (objects == null && value instanceof Integer i) {
      ints[index] = i;
    } else {
      objects()[index] = value;
    }
    return old;
  }

  @Override
  public void add(int index, Object value) {
    Objects.checkIndex(index, size + 1);
    modCount++;
    if (objects == null && value instanceof Integer i) {
      if (size == ints.length) {
        ints = Arrays.copyOf(ints, Math.max(16, size + (size >> 1)));
      }
      System.arraycopy(ints, index, ints, index + 1, size - index);
      ints[index] = i;
    } else {
      Object[] o = objects();
      if (size == o.length) {
        o = objects = Arrays.copyOf(o, Math.max(16, size + (size >> 1)));
      }
      System.arraycopy(o, index, o, index + 1, size - index);
      o[index] = value;
    }
    size++;
  }

  @Override
  public Object remove(int index) {
    Object old = get(index);
    modCount++;
    if (objects == null) {
      System.arraycopy(ints, index + 1, ints, index, size - index - 1);
    } else {
      System.arraycopy(objects, index + 1, objects, index, size - index - 1);
      objects[size - 1] = null;
    }
    size--;
    return old;
  }

  private Object[] objects() {
    if (objects == null) {
      Object[] o = new Object[Math.max(16, size)];
      for (int i = 0; i < size; i++) {
        o[i] = ints[i];
      }
      objects = o;
      ints = null;
    }
    return objects;
  }
}
