package io.gamebus.codecs.dfhack;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.gamebus.codecs.dfhack.DfhackCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message ⇄ JsonObject by walking descriptors, with the JSON form protobuf-java-util's
 * {@code JsonFormat} gives (printer with {@code preservingProtoFieldNames()}, default parser), but
 * without printing a JSON string and parsing it again: this runs for every DFHack call.
 *
 * <p>Printing: fields in field-number order, .proto names, only fields that are set (repeated ones
 * when non-empty); enums by name; uint32/fixed32 unsigned; 64-bit integers as decimal strings;
 * NaN and infinities as strings; bytes as standard base64; messages as objects. Numbers have the
 * classes Jackson gave when it parsed JsonFormat's text (Integer, else Long; Double).
 *
 * <p>Reading takes what {@code JsonFormat.Parser} took, leniencies included, so no caller breaks:
 * .proto or lowerCamel names; null meaning "not set"; numbers also as strings and integral doubles
 * ({@code 7.0}); booleans also as {@code "true"}/{@code "false"}; numbers and booleans for strings;
 * enums by name or number. Anything else is refused naming the field's path (also a one-element
 * array where one value belongs, which JsonFormat took through a Gson quirk). Required fields are
 * left to the caller ({@code isInitialized}), so nested ones are reported with their path too.
 *
 * <p>Map fields and google.protobuf well-known types, which {@code JsonFormat} special-cases, are
 * refused up front: no DFHack type has them.
 */
final class ProtoJson {

  /** Per message type: fields by number for printing, by either name for reading. */
  private record Shape(FieldDescriptor[] byNumber, Map<String, FieldDescriptor> byName) {}

  private static final Map<Descriptor, Shape> SHAPES = new ConcurrentHashMap<>();

  private ProtoJson() {}

  /** The JSON form of a message. */
  static JsonObject toJson(Message message) {
    JsonObject json = new JsonObject();
    for (FieldDescriptor f : shape(message.getDescriptorForType()).byNumber()) {
      if (f.isRepeated()) {
        List<?> values = (List<?>) message.getField(f);
        if (!values.isEmpty()) {
          JsonArray array = new JsonArray(new ArrayList<>(values.size()));
          for (Object v : values) {
            array.add(print(f, v));
          }
          json.put(f.getName(), array);
        }
      } else if (message.hasField(f)) {
        json.put(f.getName(), print(f, message.getField(f)));
      }
    }
    return json;
  }

  /**
   * Merges a JSON form into {@code builder}, leaving required-field checks to the caller.
   *
   * @throws DfhackCodecException {@link Reason#UNDECODABLE} naming the bad field's path
   */
  static void merge(JsonObject json, Message.Builder builder) throws DfhackCodecException {
    try {
      merge(json.getMap(), builder);
    } catch (Bad e) {
      throw new DfhackCodecException(Reason.UNDECODABLE,
          builder.getDescriptorForType().getFullName() + ": " + e.path + ": " + e.getMessage());
    }
  }

  private static Object print(FieldDescriptor f, Object v) {
    return switch (f.getType()) {
      case UINT32, FIXED32 -> {
        int i = (Integer) v;
        yield i >= 0 ? v : Long.valueOf(Integer.toUnsignedLong(i));
      }
      case INT64, SINT64, SFIXED64 -> v.toString();
      case UINT64, FIXED64 -> Long.toUnsignedString((Long) v);
      case FLOAT -> finite((Float) v) ? Double.valueOf(v.toString()) : v.toString();
      case DOUBLE -> finite((Double) v) ? v : v.toString();
      case BYTES -> Base64.getEncoder().encodeToString(((ByteString) v).toByteArray());
      case ENUM -> {
        EnumValueDescriptor e = (EnumValueDescriptor) v;
        yield e.getIndex() == -1 ? (Object) e.getNumber() : e.getName(); // -1: open enum, unknown number
      }
      case MESSAGE, GROUP -> toJson((Message) v);
      default -> v; // int32, sint32, sfixed32, bool, string
    };
  }

  private static boolean finite(double d) {
    return !Double.isNaN(d) && !Double.isInfinite(d);
  }

  private static void merge(Map<String, Object> json, Message.Builder builder) throws Bad {
    Map<String, FieldDescriptor> byName = shape(builder.getDescriptorForType()).byName();
    for (Map.Entry<String, Object> entry : json.entrySet()) {
      FieldDescriptor f = byName.get(entry.getKey());
      if (f == null) {
        throw new Bad(entry.getKey(), "unknown field of " + builder.getDescriptorForType().getFullName());
      }
      // Keys are unique, so a field can only arrive twice under its two names.
      if (!f.getName().equals(f.getJsonName())
          && (f.isRepeated() ? builder.getRepeatedFieldCount(f) > 0 : builder.hasField(f))) {
        throw new Bad(entry.getKey(), "given twice (as " + f.getName() + " and " + f.getJsonName() + ")");
      }
      Object v = entry.getValue();
      if (v == null) {
        continue; // null means not set
      }
      if (!f.isRepeated()) {
        builder.setField(f, read(f, v, builder, -1));
        continue;
      }
      List<?> values = v instanceof JsonArray a ? a.getList() : v instanceof List<?> l ? l : null;
      if (values == null) {
        throw new Bad(f.getName(), "expected an array, got " + describe(v));
      }
      for (int i = 0; i < values.size(); i++) {
        Object element = values.get(i);
        if (element == null) {
          throw new Bad(f.getName() + "[" + i + "]", "null in an array");
        }
        builder.addRepeatedField(f, read(f, element, builder, i));
      }
    }
  }

  /** One value of field {@code f} ({@code index} in its array, or -1), in the builder's Java type. */
  private static Object read(FieldDescriptor f, Object v, Message.Builder builder, int index) throws Bad {
    Object value = switch (f.getType()) {
      case INT32, SINT32, SFIXED32 -> v instanceof Integer ? v : fits(integer(v), 31, true, BigInteger::intValue);
      case UINT32, FIXED32 -> v instanceof Integer i && i >= 0 ? v : fits(integer(v), 32, false, BigInteger::intValue);
      case INT64, SINT64, SFIXED64 -> v instanceof Integer || v instanceof Long ? ((Number) v).longValue()
          : fits(integer(v), 63, true, BigInteger::longValue);
      case UINT64, FIXED64 -> fits(integer(v), 64, false, BigInteger::longValue);
      case FLOAT -> {
        Double d = decimal(v);
        yield d == null || (finite(d) && Math.abs(d) > Float.MAX_VALUE * (1 + 1e-6)) ? null : (Object) d.floatValue();
      }
      case DOUBLE -> decimal(v);
      case BOOL -> v instanceof Boolean ? v : "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : null;
      case STRING -> v instanceof Number || v instanceof Boolean ? v.toString() : text(v);
      case BYTES -> bytes(v);
      case ENUM -> enumValue(f.getEnumType(), v);
      case MESSAGE, GROUP -> {
        Map<String, Object> object = object(v);
        if (object == null) {
          yield null;
        }
        Message.Builder nested = builder.newBuilderForField(f);
        try {
          merge(object, nested);
        } catch (Bad e) {
          throw e.under(f.getName(), index);
        }
        yield nested.buildPartial(); // required fields: checked once on the whole message
      }
    };
    if (value == null) {
      String at = index < 0 ? f.getName() : f.getName() + "[" + index + "]";
      throw new Bad(at, "expected " + expected(f) + ", got " + describe(v));
    }
    return value;
  }

  /** An exact integer from a JSON number or numeric string ({@code 7}, {@code "7"}, {@code 7.0}), else null. */
  private static BigInteger integer(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger b) {
      return b;
    }
    if (!(v instanceof Number || v instanceof String)) {
      return null;
    }
    try {
      BigDecimal decimal = new BigDecimal(v.toString());
      // "1e999999999" would expand to a billion digits: nothing that fits 64 bits is this long.
      if (decimal.precision() - decimal.scale() > 20 || decimal.scale() > 20) {
        return null;
      }
      return decimal.toBigIntegerExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  private interface Narrow {
    Object apply(BigInteger b);
  }

  /** {@code b} narrowed if it fits in {@code bits} value bits (plus a sign bit when signed), else null. */
  private static Object fits(BigInteger b, int bits, boolean signed, Narrow narrow) {
    return b != null && (signed || b.signum() >= 0) && b.bitLength() <= bits ? narrow.apply(b) : null;
  }

  /** A double from a JSON number or string, {@code "NaN"} and {@code "±Infinity"} included; null when out of range. */
  private static Double decimal(Object v) {
    if (v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue();
    }
    if (!(v instanceof Number || v instanceof String)) {
      return null;
    }
    switch (v.toString()) {
      case "NaN": return Double.NaN;
      case "Infinity": return Double.POSITIVE_INFINITY;
      case "-Infinity": return Double.NEGATIVE_INFINITY;
      default:
        try {
          double d = new BigDecimal(v.toString()).doubleValue();
          return Double.isInfinite(d) ? null : d;
        } catch (NumberFormatException e) {
          return null;
        }
    }
  }

  /** Base64 (standard, else URL-safe) text; byte[] and Buffer as Vert.x itself would have encoded them. */
  private static ByteString bytes(Object v) {
    if (v instanceof byte[] b) {
      return ByteString.copyFrom(b);
    }
    if (v instanceof Buffer b) {
      return ByteString.copyFrom(b.getBytes());
    }
    if (!(v instanceof String s)) {
      return null;
    }
    try {
      return ByteString.copyFrom(Base64.getDecoder().decode(s));
    } catch (IllegalArgumentException e) {
      try {
        return ByteString.copyFrom(Base64.getUrlDecoder().decode(s));
      } catch (IllegalArgumentException e2) {
        return null;
      }
    }
  }

  private static EnumValueDescriptor enumValue(EnumDescriptor type, Object v) {
    String name = text(v);
    EnumValueDescriptor byName = name == null ? null : type.findValueByName(name);
    if (byName != null) {
      return byName;
    }
    Object number = fits(integer(v), 31, true, BigInteger::intValue);
    if (number == null) {
      return null;
    }
    // Closed (proto2) enums know only their declared numbers, as protobuf's own parser.
    return type.isClosed() ? type.findValueByNumber((Integer) number)
        : type.findValueByNumberCreatingIfUnknown((Integer) number);
  }

  /** Text as Vert.x would have encoded it: strings, and Java enums by name. */
  private static String text(Object v) {
    return v instanceof String s ? s : v instanceof Enum<?> e ? e.name() : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object v) {
    return v instanceof JsonObject o ? o.getMap() : v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  private static String expected(FieldDescriptor f) {
    return switch (f.getJavaType()) {
      case ENUM -> "one of " + f.getEnumType().getValues().stream().map(EnumValueDescriptor::getName).toList();
      case MESSAGE -> "an object (" + f.getMessageType().getFullName() + ")";
      case BYTE_STRING -> "base64 text";
      default -> f.getType().name().toLowerCase();
    };
  }

  /** A short rendering of an offending value for the error message. */
  private static String describe(Object v) {
    String s = v instanceof Map<?, ?> || v instanceof JsonObject ? "an object"
        : v instanceof List<?> || v instanceof JsonArray ? "an array"
        : v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  private static Shape shape(Descriptor type) {
    Shape s = SHAPES.get(type);
    return s != null ? s : SHAPES.computeIfAbsent(type, ProtoJson::newShape);
  }

  private static Shape newShape(Descriptor type) {
    FieldDescriptor[] byNumber = type.getFields().toArray(new FieldDescriptor[0]);
    Arrays.sort(byNumber, Comparator.comparingInt(FieldDescriptor::getNumber)); // JsonFormat's order
    Map<String, FieldDescriptor> byName = new HashMap<>();
    for (FieldDescriptor f : byNumber) {
      if (f.isMapField() || f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && f.getMessageType().getFile().getPackage().equals("google.protobuf")) {
        throw new IllegalArgumentException(f.getFullName() + ": map fields and well-known types are not supported");
      }
      byName.put(f.getName(), f);
      byName.put(f.getJsonName(), f);
    }
    return new Shape(byNumber, Map.copyOf(byName));
  }

  /** A refused value, with the path to it; cheap (no stack trace), as bad input is routine. */
  private static final class Bad extends Exception {
    private final String path;

    Bad(String path, String problem) {
      super(problem, null, false, false);
      this.path = path;
    }

    Bad under(String field, int index) {
      return new Bad(field + (index < 0 ? "" : "[" + index + "]") + "." + path, getMessage());
    }
  }
}
