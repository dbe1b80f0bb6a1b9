package io.gamebus.codecs.rpfm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * One streaming Jackson pass from bytes to Vert.x JSON values (String, Integer/Long/BigInteger,
 * Double, Boolean, null, JsonObject in key order, JsonArray). Runs of ints at the start of an array
 * are gathered in an {@code int[]}; an array of 64 or more ints keeps it ({@link IntList}), so a
 * raw file of tens of MiB costs no boxed references. Jackson's default bounds apply (nesting 1,000,
 * strings of 20,000,000 chars, numbers of 1,000 digits); bytes that are not UTF-8 are refused where
 * Jackson notices them (WebSocket text frames are UTF-8-checked by the transport already).
 */
final class RpfmJson {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final int PACKED_MIN = 64;

  private RpfmJson() {}

  /** The single JSON value in the bytes; data after it is an error. */
  static Object parse(byte[] b, int off, int len) throws IOException {
    try (JsonParser p = FACTORY.createParser(b, off, len)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new JsonParseException(p, "no JSON value");
      }
      Object value = value(p, t);
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "trailing data after the JSON value");
      }
      return value;
    }
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t.id()) {
      case JsonTokenId.ID_START_OBJECT: return object(p);
      case JsonTokenId.ID_START_ARRAY: return array(p);
      case JsonTokenId.ID_STRING: return p.getText();
      case JsonTokenId.ID_NUMBER_INT: return p.getNumberValue();
      case JsonTokenId.ID_NUMBER_FLOAT: return p.getDoubleValue();
      case JsonTokenId.ID_TRUE: return Boolean.TRUE;
      case JsonTokenId.ID_FALSE: return Boolean.FALSE;
      case JsonTokenId.ID_NULL: return null;
      default: throw new JsonParseException(p, "unexpected token " + t);
    }
  }

  private static JsonObject object(JsonParser p) throws IOException {
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      map.put(name, value(p, p.nextToken()));
    }
    return new JsonObject(map);
  }

  private static JsonArray array(JsonParser p) throws IOException {
    int[] ints = null;
    int n = 0;
    JsonToken t = p.nextToken();
    while (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      if (ints == null) {
        ints = new int[16];
      } else if (n == ints.length) {
        ints = Arrays.copyOf(ints, n << 1);
      }
      ints[n++] = p.getIntValue();
      t = p.nextToken();
    }
    if (t == JsonToken.END_ARRAY && n >= PACKED_MIN) {
      return new JsonArray(new IntList(ints, n));
    }
    ArrayList<Object> list = new ArrayList<>(Math.max(10, n + 8));
    for (int i = 0; i < n; i++) {
      list.add(ints[i]);
    }
    for (; t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new JsonParseException(p, "end of input inside an array");
      }
      list.add(value(p, t));
    }
    return new JsonArray(list);
  }
}
