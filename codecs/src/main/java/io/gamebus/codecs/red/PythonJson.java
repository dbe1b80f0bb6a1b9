package io.gamebus.codecs.red;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON the way Red's server does (Python's {@code json.dumps} with its defaults): separators
 * {@code ", "} and {@code ": "}, everything outside printable ASCII escaped as {@code \u00e9} with
 * lower-case hex (astral characters as two escaped surrogates, DEL too), and floats as Python's
 * {@code repr} ({@code 1e+16}, {@code 1e-05}, {@code 100.0}). Values are those of a Vert.x JSON
 * tree: JsonObject or Map, JsonArray or List, String, Number, Boolean, null; anything else is not
 * JSON-serialisable, as in Python.
 */
final class PythonJson {

  private static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .characterEscapes(new DelEscaped())
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .build();

  private PythonJson() {}

  /**
   * @throws IllegalArgumentException when a value is not JSON-serialisable (the server answers
   *     -32603, as Red does for such a result)
   */
  static String encode(Object value) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(PythonSeparators.INSTANCE);
      write(g, value);
    } catch (IOException e) { // a StringWriter does not fail
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      g.writeNumber(pythonRepr(v instanceof Float f ? Double.parseDouble(f.toString()) : (Double) v));
    } else if (v instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(pythonRepr(d.doubleValue()));
    } else if (Json.asMap(v) != null) {
      writeMap(g, Json.asMap(v));
    } else if (Json.asList(v) != null) {
      writeList(g, Json.asList(v));
    } else if (v instanceof CharSequence s) {
      g.writeString(s.toString());
    } else {
      throw new IllegalArgumentException("not JSON-serialisable: " + v.getClass().getName());
    }
  }

  private static void writeMap(JsonGenerator g, Map<?, ?> map) throws IOException {
    g.writeStartObject();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      g.writeFieldName(String.valueOf(e.getKey()));
      write(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void writeList(JsonGenerator g, List<?> list) throws IOException {
    g.writeStartArray();
    for (Object item : list) {
      write(g, item);
    }
    g.writeEndArray();
  }

  /**
   * Python's {@code repr(float)}: the shortest digits, positional while the decimal exponent is
   * from -4 to 15 (with {@code .0} for whole numbers), else {@code d.ddde±XX}.
   */
  static String pythonRepr(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    // Schubfach gives the shortest digits, as Python does; Java 17's Double.toString sometimes does not.
    BigDecimal exact = new BigDecimal(DoubleToDecimal.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int exponent = digits.length() - exact.scale() - 1; // d = digits[0].digits[1..] × 10^exponent
    StringBuilder s = new StringBuilder(24);
    if (d < 0) {
      s.append('-');
    }
    if (exponent < -4 || exponent >= 16) {
      s.append(digits.charAt(0));
      if (digits.length() > 1) {
        s.append('.').append(digits, 1, digits.length());
      }
      s.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      s.append(abs < 10 ? "0" : "").append(abs);
    } else if (exponent < 0) {
      s.append("0.").append("0".repeat(-exponent - 1)).append(digits);
    } else if (digits.length() <= exponent + 1) {
      s.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
    } else {
      s.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
    }
    return s.toString();
  }

  /** Python's separators without newlines: {@code ", "} between members, {@code ": "} after keys. */
  private static final class PythonSeparators extends MinimalPrettyPrinter {
    static final PythonSeparators INSTANCE = new PythonSeparators();

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }
  }

  /** Jackson's standard escapes, plus DEL (0x7F), which Python's ensure_ascii also escapes. */
  private static final class DelEscaped extends CharacterEscapes {
    private static final int[] ESCAPES = standardAsciiEscapesForJSON();

    static {
      ESCAPES[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ESCAPES;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
