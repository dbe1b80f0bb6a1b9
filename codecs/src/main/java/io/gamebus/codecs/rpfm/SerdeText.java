package io.gamebus.codecs.rpfm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * serde / serde_json's error wording (serde 1.x {@code de::Error} defaults and serde_json's
 * {@code JsonUnexpected}), without serde_json's " at line L column C" suffix.
 */
final class SerdeText {

  static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  private SerdeText() {}

  static String invalidType(Object value, String expected) {
    return "invalid type: " + unexpected(value) + ", expected " + expected;
  }

  static String invalidValue(Object value, String expected) {
    return "invalid value: " + unexpected(value) + ", expected " + expected;
  }

  static String invalidLength(int length, String expected) {
    return "invalid length " + length + ", expected " + expected;
  }

  static String missingField(String field) {
    return "missing field `" + field + "`";
  }

  /** serde's {@code unknown_variant}: the variants as "`a`", "`a` or `b`" or "one of `a`, `b`, ...". */
  static String unknownVariant(String name, List<String> variants) {
    StringBuilder b = new StringBuilder("unknown variant `").append(name).append("`, ");
    if (variants.isEmpty()) {
      return b.append("there are no variants").toString();
    }
    b.append("expected ");
    if (variants.size() == 2) {
      return b.append('`').append(variants.get(0)).append("` or `").append(variants.get(1)).append('`').toString();
    }
    if (variants.size() > 2) {
      b.append("one of ");
    }
    for (int i = 0; i < variants.size(); i++) {
      b.append(i == 0 ? "`" : ", `").append(variants.get(i)).append('`');
    }
    return b.toString();
  }

  /**
   * How serde_json names a JSON value it did not expect. Integers outside i64..u64 are floating
   * point, as serde_json parses them (without its arbitrary_precision feature).
   */
  static String unexpected(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "string " + debugString(s);
    }
    if (v instanceof Boolean b) {
      return "boolean `" + b + "`";
    }
    if (v instanceof JsonArray) {
      return "sequence";
    }
    if (v instanceof JsonObject) {
      return "map";
    }
    BigInteger big = integer(v);
    if (big != null) {
      return "integer `" + big + "`";
    }
    return "floating point `" + rustFloat(((Number) v).doubleValue()) + "`";
  }

  /** The value as an integer serde_json would see as one (i64 or u64 range), else null. */
  static BigInteger integer(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger b && b.compareTo(I64_MIN) >= 0 && b.compareTo(U64_MAX) <= 0) {
      return b;
    }
    return null;
  }

  /** Rust's {@code Display} for f64 (shortest round-trip digits, never an exponent), plus ".0" when integral. */
  static String rustFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    if (d == 0) {
      plain = (1 / d < 0) ? "-0" : "0";
    }
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }

  /** Rust's {@code Debug} for str: quoted, with \", \\, \n, \r, \t, \0 and \\u{..} for other controls. */
  static String debugString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\0' -> b.append("\\0");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append("\\u{").append(Integer.toHexString(c)).append('}');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
