package io.gamebus.codecs.red;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * JSON containers as Vert.x holds them: a decoded frame has JsonObject and JsonArray, but one built
 * with {@code new JsonArray("[[1]]")} or by a verticle may hold plain Maps and Lists inside.
 */
final class Json {

  private Json() {}

  /** The object's map, or null when {@code v} is not a JSON object. */
  static Map<?, ?> asMap(Object v) {
    return v instanceof JsonObject o ? o.getMap() : v instanceof Map<?, ?> m ? m : null;
  }

  /** The array's list, or null when {@code v} is not a JSON array. */
  static List<?> asList(Object v) {
    return v instanceof JsonArray a ? a.getList() : v instanceof List<?> l ? l : null;
  }

  /** An object or array: unhashable in Python, so {@code x in a_set} raises on it. */
  static boolean isContainer(Object v) {
    return asMap(v) != null || asList(v) != null;
  }

  /** An empty object or array (false in Python). */
  static boolean isEmptyContainer(Object v) {
    Map<?, ?> m = asMap(v);
    return m != null ? m.isEmpty() : asList(v).isEmpty();
  }
}
