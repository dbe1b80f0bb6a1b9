package io.gamebus.codecs.rpfm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Checks a decoded JSON value (Vert.x types) against a {@link Shape} the way serde's derived
 * {@code Deserialize} would read it from serde_json, and returns serde's reason for the first
 * problem, or null when the value fits. Walks values in document order, as serde does, so the
 * first error reported is the one serde reports.
 */
final class ShapeChecker {

  private static final BigInteger I32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger I32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger U32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
  private static final BigInteger U8_MAX = BigInteger.valueOf(255);

  private ShapeChecker() {}

  /** The reason {@code value} does not fit {@code shape}, or null. */
  static String check(Shape shape, Object value) {
    if (shape instanceof Shape.Scalar s) {
      return scalar(s.name(), value);
    }
    if (shape instanceof Shape.Opt o) {
      return value == null ? null : check(o.inner(), value);
    }
    if (shape instanceof Shape.Seq q) {
      if (!(value instanceof JsonArray a)) {
        return SerdeText.invalidType(value, "a sequence");
      }
      for (int i = 0; i < a.size(); i++) {
        String r = check(q.element(), a.getValue(i));
        if (r != null) {
          return r;
        }
      }
      return null;
    }
    if (shape instanceof Shape.Tuple t) {
      return elements(t.elements(), value, "a tuple of size " + t.elements().size());
    }
    if (shape instanceof Shape.MapOf m) {
      return map(m, value);
    }
    if (shape instanceof Shape.Named n) {
      return check(RpfmCatalogue.type(n.name()), value);
    }
    if (shape instanceof Shape.Variants e) {
      return variants(e, value);
    }
    if (shape instanceof Shape.Struct st) {
      return struct(st, value);
    }
    Shape.Opaque o = (Shape.Opaque) shape;
    if (o.isEnum()) {
      return value instanceof String || (value instanceof JsonObject j && j.size() == 1) ? null : "expected value";
    }
    return value instanceof JsonObject ? null : SerdeText.invalidType(value, "struct " + o.name());
  }

  /** An externally tagged enum value: a unit variant's name, or a one-key object. */
  static String variants(Shape.Variants e, Object value) {
    if (value instanceof String name) {
      Shape.Variant v = e.variant(name);
      if (v == null) {
        return unknown(e, name);
      }
      if (v.isUnit()) {
        return null;
      }
      return "invalid type: unit variant, expected " + (v.tuple() ? "tuple variant" : "newtype variant");
    }
    if (!(value instanceof JsonObject o) || o.isEmpty()) {
      return "expected value"; // serde_json reads an enum only from a string or an object with a key
    }
    Map.Entry<String, Object> first = o.iterator().next();
    Shape.Variant v = e.variant(first.getKey());
    if (v == null) {
      return unknown(e, first.getKey());
    }
    String r = payload(e, v, first.getValue());
    if (r == null && o.size() > 1) {
      return "expected value"; // serde_json wants the closing brace after the one variant
    }
    return r;
  }

  private static String payload(Shape.Variants e, Shape.Variant v, Object value) {
    if (v.isUnit()) {
      return value == null ? null : SerdeText.invalidType(value, "unit"); // serde_json reads () from null
    }
    if (!v.tuple()) {
      return check(v.fields().get(0), value);
    }
    String what = "tuple variant " + e.name() + "::" + v.name();
    return elements(v.fields(), value, what + " with " + v.fields().size() + " elements", what);
  }

  private static String elements(List<Shape> shapes, Object value, String expected) {
    return elements(shapes, value, expected, expected);
  }

  /** serde's visit_seq: element by element, a short array fails at its length, a long one after. */
  private static String elements(List<Shape> shapes, Object value, String lengthExpected, String typeExpected) {
    if (!(value instanceof JsonArray a)) {
      return SerdeText.invalidType(value, typeExpected);
    }
    for (int i = 0; i < shapes.size(); i++) {
      if (i >= a.size()) {
        return SerdeText.invalidLength(i, lengthExpected);
      }
      String r = check(shapes.get(i), a.getValue(i));
      if (r != null) {
        return r;
      }
    }
    return a.size() > shapes.size() ? "trailing characters" : null;
  }

  private static String map(Shape.MapOf m, Object value) {
    if (!(value instanceof JsonObject o)) {
      return SerdeText.invalidType(value, "a map");
    }
    for (Map.Entry<String, Object> entry : o) {
      String r = key(m.key(), entry.getKey());
      if (r == null) {
        r = check(m.value(), entry.getValue());
      }
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** Map keys are strings on the wire: enum keys name a unit variant, integer keys are digits. */
  private static String key(Shape shape, String key) {
    Shape k = shape instanceof Shape.Named n ? RpfmCatalogue.type(n.name()) : shape;
    if (k instanceof Shape.Variants e) {
      return variants(e, key);
    }
    if (k instanceof Shape.Scalar s && !s.name().equals("string") && !s.name().equals("path")) {
      Object number;
      try {
        number = new BigInteger(key);
      } catch (NumberFormatException e) {
        return SerdeText.invalidType(key, s.name());
      }
      return scalar(s.name(), number);
    }
    return null;
  }

  private static String struct(Shape.Struct st, Object value) {
    if (!(value instanceof JsonObject o)) {
      return SerdeText.invalidType(value, "struct " + st.name());
    }
    for (Map.Entry<String, Object> entry : o) {
      int i = st.fieldNames().indexOf(entry.getKey());
      String r = i < 0 ? null : check(st.fieldShapes().get(i), entry.getValue());
      if (r != null) {
        return r;
      }
    }
    for (int i = 0; i < st.fieldNames().size(); i++) {
      if (!(st.fieldShapes().get(i) instanceof Shape.Opt) && !o.containsKey(st.fieldNames().get(i))) {
        return SerdeText.missingField(st.fieldNames().get(i));
      }
    }
    return null;
  }

  private static String unknown(Shape.Variants e, String name) {
    return SerdeText.unknownVariant(name, e.variants().stream().map(Shape.Variant::name).toList());
  }

  static String scalar(String name, Object value) {
    switch (name) {
      case "string":
        return value instanceof String ? null : SerdeText.invalidType(value, "a string");
      case "path":
        return value instanceof String ? null : SerdeText.invalidType(value, "path string");
      case "bool":
        return value instanceof Boolean ? null : SerdeText.invalidType(value, "a boolean");
      case "f32":
        return value instanceof Number ? null : SerdeText.invalidType(value, "f32");
      case "i32":
        return integer(value, name, I32_MIN, I32_MAX);
      case "u32":
        return integer(value, name, BigInteger.ZERO, U32_MAX);
      case "u8":
        return integer(value, name, BigInteger.ZERO, U8_MAX);
      default: // u64, usize (64-bit targets)
        return integer(value, name, BigInteger.ZERO, SerdeText.U64_MAX);
    }
  }

  private static String integer(Object value, String name, BigInteger min, BigInteger max) {
    if (value instanceof Integer i && i >= 0 && min.signum() == 0 && max.bitLength() >= 31) {
      return null; // the common case, without BigInteger
    }
    BigInteger n = SerdeText.integer(value);
    if (n == null) {
      return SerdeText.invalidType(value, name);
    }
    return n.compareTo(min) < 0 || n.compareTo(max) > 0 ? SerdeText.invalidValue(value, name) : null;
  }
}
