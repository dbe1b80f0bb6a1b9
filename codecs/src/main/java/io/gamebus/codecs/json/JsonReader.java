package io.gamebus.codecs.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Streams Jackson tokens straight into the maps and lists behind {@link JsonObject} and
 * {@link JsonArray}: one pass, no intermediate tree. Key order is kept so re-encoding is stable.
 * Value types match Vert.x's own decoder: String, Integer/Long/BigInteger, Double, Boolean, null.
 */
final class JsonReader {

  private JsonReader() {}

  /** Reads the object whose START_OBJECT is the current token. */
  static JsonObject readObject(JsonParser p) throws IOException {
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    // nextFieldName() returns null on END_OBJECT; anything else is rejected by Jackson itself.
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      map.put(name, readValue(p, p.nextToken()));
    }
    return new JsonObject(map);
  }

  /** Reads the array whose START_ARRAY is the current token. */
  static JsonArray readArray(JsonParser p) throws IOException {
    ArrayList<Object> list = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      list.add(readValue(p, t));
    }
    return new JsonArray(list);
  }

  static Object readValue(JsonParser p, JsonToken t) throws IOException {
    switch (t == null ? JsonTokenId.ID_NO_TOKEN : t.id()) {
      case JsonTokenId.ID_START_OBJECT: return readObject(p);
      case JsonTokenId.ID_START_ARRAY: return readArray(p);
      case JsonTokenId.ID_STRING: return p.getText();
      case JsonTokenId.ID_NUMBER_INT: return p.getNumberValue();
      case JsonTokenId.ID_NUMBER_FLOAT: return p.getDoubleValue();
      case JsonTokenId.ID_TRUE: return Boolean.TRUE;
      case JsonTokenId.ID_FALSE: return Boolean.FALSE;
      case JsonTokenId.ID_NULL: return null;
      default: throw new JsonParseException(p, "unexpected token " + t);
    }
  }
}
