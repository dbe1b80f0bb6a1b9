package io.gamebus.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonObject;
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
