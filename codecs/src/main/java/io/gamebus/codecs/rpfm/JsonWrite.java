package io.gamebus.codecs.rpfm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes the envelope {@code {"id":N,"data":…}} compactly in one Jackson pass, escaping strings as
 * serde_json does: {@code \"}, {@code \\}, {@code \b \f \n \r \t}, other controls as lowercase
 * {@code \\u} and four lowercase hex digits; everything else (non-ASCII included) as UTF-8.
 */
final class JsonWrite {

  // Surrogate pairs as one 4-byte UTF-8 sequence, as serde_json writes them (Jackson's default is \\u escapes).
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
  private static final CharacterEscapes SERDE_ESCAPES = new SerdeEscapes();

  private JsonWrite() {}

  /** The envelope with {@code data} = the unit variant's name, or {@code {variant: payload}}. */
  static Buffer envelope(long id, String variant, boolean unit, Object payload) {
    ByteArrayBuilder out = new ByteArrayBuilder(payload instanceof JsonArray a ? 16 + a.size() * 4 : 128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setCharacterEscapes(SERDE_ESCAPES);
      g.writeStartObject();
      g.writeFieldName("id");
      g.writeNumber(Long.toUnsignedString(id));
      g.writeFieldName("data");
      if (unit) {
        g.writeString(variant);
      } else {
        g.writeStartObject();
        g.writeFieldName(variant);
        value(g, payload);
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof JsonArray a) {
      list(g, a.getList());
    } else if (v instanceof JsonObject o) {
      map(g, o.getMap());
    } else if (v instanceof List<?> l) {
      list(g, l);
    } else if (v instanceof Map<?, ?> m) {
      map(g, m);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (v instanceof BigDecimal b) {
      g.writeNumber(b);
    } else if (v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).intValue());
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static void list(JsonGenerator g, List<?> list) throws IOException {
    g.writeStartArray();
    for (int i = 0, n = list.size(); i < n; i++) {
      value(g, list.get(i));
    }
    g.writeEndArray();
  }

  private static void map(JsonGenerator g, Map<?, ?> map) throws IOException {
    g.writeStartObject();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      g.writeFieldName(String.valueOf(e.getKey()));
      value(g, e.getValue());
    }
    g.writeEndObject();
  }

  /** Jackson's standard escapes, but with serde_json's lowercase hex for the other controls. */
  private static final class SerdeEscapes extends CharacterEscapes {

    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();
    private final SerializableString[] custom = new SerializableString[32];

    SerdeEscapes() {
      for (int c = 0; c < 32; c++) {
        if (c != '\b' && c != '\f' && c != '\n' && c != '\r' && c != '\t') {
          ascii[c] = ESCAPE_CUSTOM;
          custom[c] = new SerializedString(String.format("\\" + "u%04x", c));
        }
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch < 32 ? custom[ch] : null;
    }
  }
}
