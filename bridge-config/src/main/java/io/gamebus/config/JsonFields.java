package io.gamebus.config;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads typed fields of one JSON object, naming each field by its full path in errors, and
 * remembering which fields were read so that {@link #done()} can report the ones nobody knows.
 *
 * <p>A field set to {@code null} counts as absent: it takes its default, or is reported missing.
 */
final class JsonFields {

  private static final String[] SECRET_WORDS = {"secret", "password", "token", "key"};

  private final JsonObject json;
  private final String path;
  private final Set<String> read = new HashSet<>();

  private JsonFields(JsonObject json, String path) {
    this.json = json;
    this.path = path;
  }

  /** The fields of {@code json}, which lives at {@code path} ({@code ""} for the document). */
  static JsonFields of(JsonObject json, String path) {
    return new JsonFields(json == null ? new JsonObject() : json, path);
  }

  String path() {
    return path;
  }

  /** The path of one of this object's fields. */
  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    read.add(key);
    return json.getValue(key) != null;
  }

  ConfigException error(String key, String reason) {
    return new ConfigException(path(key), reason);
  }

  String string(String key, String def) {
    Object value = value(key);
    if (value == null) {
      return def;
    }
    if (!(value instanceof String)) {
      throw error(key, "expected a string, got " + describe(value));
    }
    return (String) value;
  }

  String requiredString(String key) {
    String value = string(key, null);
    if (value == null) {
      throw error(key, "required");
    }
    return value;
  }

  /** A string that must match {@code regex} entirely; {@code what} completes "'x' is not ...". */
  String matching(String key, String def, String regex, String what) {
    String value = string(key, def);
    if (value != null && !value.matches(regex)) {
      throw error(key, "'" + value + "' is not " + what);
    }
    return value;
  }

  boolean bool(String key, boolean def) {
    Object value = value(key);
    if (value == null) {
      return def;
    }
    if (!(value instanceof Boolean)) {
      throw error(key, "expected true or false, got " + describe(value));
    }
    return (Boolean) value;
  }

  /** A whole number in {@code [min, max]}; {@code def} may be null when the field is required. */
  long number(String key, Long def, long min, long max) {
    Object value = value(key);
    if (value == null) {
      if (def == null) {
        throw error(key, "required");
      }
      return def;
    }
    boolean whole = value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte || value instanceof BigInteger;
    if (!whole) {
      throw error(key, "expected an integer, got " + describe(value));
    }
    boolean huge = value instanceof BigInteger; // beyond long, so beyond any limit here
    boolean tooBig = huge ? ((BigInteger) value).signum() > 0 : ((Number) value).longValue() > max;
    if (huge || tooBig || ((Number) value).longValue() < min) {
      throw error(key, value + outOfRange(tooBig, min, max));
    }
    return ((Number) value).longValue();
  }

  int integer(String key, Integer def, int min, int max) {
    return (int) number(key, def == null ? null : def.longValue(), min, max);
  }

  int port(String key, Integer def) {
    return integer(key, def, 0, 65535);
  }

  /** Any JSON number in {@code [min, max]}. */
  double decimal(String key, double def, double min, double max) {
    Object value = value(key);
    if (value == null) {
      return def;
    }
    if (!(value instanceof Number)) {
      throw error(key, "expected a number, got " + describe(value));
    }
    double d = ((Number) value).doubleValue();
    if (!(d >= min && d <= max)) {
      throw error(key, value + " is not between " + min + " and " + max);
    }
    return d;
  }

  /** A nested object, read by {@code reader}; an absent one is read as {@code {}}. */
  <T> T object(String key, Function<JsonFields, T> reader) {
    return reader.apply(of(rawObject(key, new JsonObject()), path(key)));
  }

  /** A nested object kept as it is (a copy); {@code def} when absent. */
  JsonObject rawObject(String key, JsonObject def) {
    Object value = value(key);
    if (value == null) {
      return def;
    }
    if (!(value instanceof JsonObject)) {
      throw error(key, "expected an object, got " + describe(value));
    }
    return ((JsonObject) value).copy();
  }

  /**
   * A list, each element read by {@code element(value, "key[i]" path)}; {@code def} when absent.
   * The result is unmodifiable.
   */
  <T> List<T> list(String key, List<T> def, BiFunction<Object, String, T> element) {
    Object value = value(key);
    if (value == null) {
      return def;
    }
    if (!(value instanceof JsonArray)) {
      throw error(key, "expected an array, got " + describe(value));
    }
    JsonArray array = (JsonArray) value;
    List<T> result = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      result.add(element.apply(array.getValue(i), path(key) + "[" + i + "]"));
    }
    return Collections.unmodifiableList(result);
  }

  /** For {@link #list}: an element that must be an object, read by {@code reader}. */
  static <T> BiFunction<Object, String, T> objects(Function<JsonFields, T> reader) {
    return (value, path) -> {
      if (!(value instanceof JsonObject)) {
        throw new ConfigException(path, "expected an object, got " + describe(value));
      }
      return reader.apply(of((JsonObject) value, path));
    };
  }

  /** For {@link #list}: an element that must be a string. */
  static String strings(Object value, String path) {
    if (!(value instanceof String)) {
      throw new ConfigException(path, "expected a string, got " + describe(value));
    }
    return (String) value;
  }

  /** Fails on the first field that no reader asked for. Call after reading every known field. */
  /** The fields present with a non-null value, whether read yet or not. */
  Set<String> givenKeys() {
    Set<String> given = new HashSet<>();
    for (String key : json.fieldNames()) {
      if (json.getValue(key) != null) {
        given.add(key);
      }
    }
    return given;
  }

  void done() {
    for (String key : json.fieldNames()) {
      if (!read.contains(key)) {
        throw error(key, looksLikeSecret(key) ? AuthConfig.INLINE_SECRET : "unknown field");
      }
    }
  }

  /**
   * Whether a field name suggests that someone pasted a credential into the file ("secret",
   * "jwtSecret", "apiKey", "accessToken", "password"...).
   */
  static boolean looksLikeSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (lower.endsWith(word)) {
        return true;
      }
    }
    return false;
  }

  /** A value as an error message shows it: JSON for scalars, a kind for containers. */
  static String describe(Object value) {
    if (value instanceof JsonObject || value instanceof java.util.Map) {
      return "an object";
    }
    if (value instanceof JsonArray || value instanceof List) {
      return "an array";
    }
    return Json.encode(value);
  }

  private static String outOfRange(boolean tooBig, long min, long max) {
    if (min == 0 && max == 65535) {
      return " is not a port";
    }
    if (tooBig) {
      return " is more than " + max;
    }
    return min == 0 ? " is negative" : min == 1 ? " is not positive" : " is less than " + min;
  }

  private Object value(String key) {
    read.add(key);
    return json.getValue(key);
  }
}
