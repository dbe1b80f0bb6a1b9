package io.gamebus.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Parses configuration text more strictly than {@code new JsonObject(String)}: a field given twice
 * is an error (otherwise the last one would silently win), and so is anything after the object.
 * Errors carry the line and column.
 */
final class StrictJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private StrictJson() {
  }

  /** What {@link #value} returns for text that is not JSON. */
  static final Object NOT_JSON = new Object();

  /**
   * The JSON value {@code text} holds ({@code 9000}, {@code true}, {@code null}, {@code "x"},
   * arrays and objects as {@code JsonArray}/{@code JsonObject}), or {@link #NOT_JSON} for plain
   * text such as {@code 0.0.0.0}. Text that starts like a JSON string, array or object must be one:
   * a typo there should not quietly become a string. Errors are told at {@code path}.
   */
  static Object value(String text, String path) {
    Object value;
    try {
      value = MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      String start = text.stripLeading();
      if (start.startsWith("[") || start.startsWith("{") || start.startsWith("\"")) {
        throw new ConfigException(null, path, "not valid JSON: " + e.getOriginalMessage(), e);
      }
      return NOT_JSON;
    }
    if (value instanceof Map) {
      return new JsonObject(copyOf((Map<?, ?>) value));
    }
    return value instanceof List ? new JsonArray((List<?>) value) : value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copyOf(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /** The object in {@code text}; {@code source} names the file in errors. */
  @SuppressWarnings("unchecked")
  static JsonObject parse(String text, String source) {
    Object value;
    try {
      value = MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new ConfigException(source, "", where + e.getOriginalMessage(), e);
    }
    if (!(value instanceof Map)) {
      throw new ConfigException(source, "", "expected a JSON object, got "
          + (value == null ? "nothing" : JsonFields.describe(value)), null);
    }
    return new JsonObject((Map<String, Object>) value);
  }
}
