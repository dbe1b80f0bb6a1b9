package io.gamebus.config;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lookup by configuration id for the enums, so that all of them word their error the same way. */
final class Ids {

  private Ids() {
  }

  static <E extends Enum<E>> E of(E[] values, Function<E, String> id, String text) {
    for (E value : values) {
      if (id.apply(value).equals(text)) {
        return value;
      }
    }
    String known = Arrays.stream(values).map(id).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("'" + text + "' is not one of " + known);
  }

  /** A required enum field, read by id; the enum's complaint becomes a path-named error. */
  static <E> E read(JsonFields f, String key, Function<String, E> of) {
    String id = f.requiredString(key);
    try {
      return of.apply(id);
    } catch (IllegalArgumentException e) {
      throw f.error(key, e.getMessage());
    }
  }
}
