package io.gamebus.codecs.faf;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Typed field reads for {@link Auth}. Errors are BAD_FIELD with a path such as "auth.token" so a
 * log line names the field. Explicit null counts as absent, like the server's {@code dict.get}.
 * {@link JsonObject#getValue} already wraps plain maps and lists, so only Json types are seen.
 */
final class Fields {

  private Fields() {}

  /** Fails unless the message's command is {@code expected}. */
  static void expectCommand(FafMessage m, String expected) throws FafCodecException {
    if (!expected.equals(m.command())) {
      throw FafCodecException.badField(expected + ".command",
          "expected \"" + expected + "\", got \"" + m.command() + "\"");
    }
  }

  static String string(JsonObject o, String path, String field, boolean required) throws FafCodecException {
    Object v = o.getValue(field);
    if (v == null) {
      return missing(path, field, required);
    }
    if (!(v instanceof String)) {
      throw wrongType(path, field, "string", v);
    }
    return (String) v;
  }

  static Long integer(JsonObject o, String path, String field, boolean required) throws FafCodecException {
    Object v = o.getValue(field);
    if (v == null) {
      return missing(path, field, required);
    }
    Long l = asLong(v);
    if (l == null) {
      throw wrongType(path, field, "integer", v);
    }
    return l;
  }

  /** An integral number that fits a long, else null. Floats are not integers, as in JSON Schema. */
  static Long asLong(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger && ((BigInteger) v).bitLength() < Long.SIZE) {
      return ((BigInteger) v).longValue();
    }
    return null;
  }

  static String typeName(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof CharSequence) {
      return "string";
    }
    if (v instanceof BigInteger) {
      return "integer out of range";
    }
    if (v instanceof Number) {
      return asLong(v) != null ? "integer" : "number";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof JsonObject || v instanceof Map) {
      return "object";
    }
    if (v instanceof JsonArray || v instanceof List) {
      return "array";
    }
    return v.getClass().getSimpleName();
  }

  private static <T> T missing(String path, String field, boolean required) throws FafCodecException {
    if (required) {
      throw FafCodecException.badField(path + "." + field, "missing");
    }
    return null;
  }

  private static FafCodecException wrongType(String path, String field, String expected, Object v) {
    return FafCodecException.badField(path + "." + field, "expected " + expected + ", got " + typeName(v));
  }
}
