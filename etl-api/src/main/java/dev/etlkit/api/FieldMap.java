package dev.etlkit.api;

import java.util.AbstractMap;
import java.io.Serializable;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A record's fields seen as an unmodifiable, ordered map, without copying them: {@link Record#asMap()}.
 * A record is immutable and its values are already in {@link Record}'s types, so a record that takes
 * one of these as a value keeps it as it is instead of copying it entry by entry.
 */
final class FieldMap extends AbstractMap<String, @Nullable Object> implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Up to this many fields a lookup scans them; a bigger map builds an index on its first lookup. */
  private static final int SCANNED = 16;

  private final String[] names;
  private final @Nullable Object[] values;
  private transient volatile @Nullable Map<String, Integer> index;

  FieldMap(String[] names, @Nullable Object[] values) {
    this.names = names;
    this.values = values;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public @Nullable Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super @Nullable Object> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, @Nullable Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return names.length;
      }

      @Override
      public Iterator<Map.Entry<String, @Nullable Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Map.Entry<String, @Nullable Object> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }
    };
  }

  private int indexOf(Object key) {
    if (names.length > SCANNED) {
      Map<String, Integer> byName = index;
      if (byName == null) {
        byName = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
          byName.put(names[i], i);
        }
        index = byName;
      }
      return byName.getOrDefault(key, -1);
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
