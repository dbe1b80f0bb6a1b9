package io.gamebus.codecs.rpfm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Well-formed example values for any catalogue shape, and what serde expects of each shape. */
final class ShapeExamples {

  private ShapeExamples() {}

  static Object example(Shape shape) {
    if (shape instanceof Shape.Scalar s) {
      return switch (s.name()) {
        case "string" -> "s";
        case "path" -> "/tmp/p";
        case "bool" -> true;
        case "f32" -> 1.5;
        default -> 7;
      };
    }
    if (shape instanceof Shape.Opt o) {
      return example(o.inner());
    }
    if (shape instanceof Shape.Seq q) {
      return new JsonArray().add(example(q.element())).add(example(q.element()));
    }
    if (shape instanceof Shape.Tuple t) {
      JsonArray a = new JsonArray();
      t.elements().forEach(e -> a.add(example(e)));
      return a;
    }
    if (shape instanceof Shape.MapOf m) {
      Object key = example(m.key());
      return new JsonObject().put(key instanceof String s ? s : String.valueOf(key), example(m.value()));
    }
    if (shape instanceof Shape.Named n) {
      return example(RpfmCatalogue.type(n.name()));
    }
    if (shape instanceof Shape.Variants e) {
      return variant(e.variants().get(e.variants().size() - 1));
    }
    if (shape instanceof Shape.Struct st) {
      JsonObject o = new JsonObject();
      for (int i = 0; i < st.fieldNames().size(); i++) {
        o.put(st.fieldNames().get(i), example(st.fieldShapes().get(i)));
      }
      return o;
    }
    Shape.Opaque o = (Shape.Opaque) shape;
    return o.isEnum() ? new JsonObject().put("DB", new JsonObject()) : new JsonObject().put("any", 1);
  }

  /** The wire form of one variant with example fields. */
  static Object variant(Shape.Variant v) {
    if (v.isUnit()) {
      return v.name();
    }
    if (!v.tuple()) {
      return new JsonObject().put(v.name(), example(v.fields().get(0)));
    }
    JsonArray a = new JsonArray();
    v.fields().forEach(f -> a.add(example(f)));
    return new JsonObject().put(v.name(), a);
  }

  /** A value of the wrong JSON type for the shape. */
  static Object wrong(Shape shape) {
    if (shape instanceof Shape.Scalar s && (s.name().equals("string") || s.name().equals("path"))) {
      return 5;
    }
    return shape instanceof Shape.Opt ? false : "x";
  }

  /** serde's reason for {@link #wrong(Shape)}. */
  static String wrongReason(Shape shape) {
    Object w = wrong(shape);
    String unexpected = w instanceof Integer ? "integer `5`" : w instanceof Boolean ? "boolean `false`" : "string \"x\"";
    Shape s = shape instanceof Shape.Named n ? RpfmCatalogue.type(n.name()) : shape;
    if (s instanceof Shape.Opt o) {
      return wrongReasonFor(o.inner(), "boolean `false`");
    }
    return wrongReasonFor(s, unexpected);
  }

  private static String wrongReasonFor(Shape shape, String unexpected) {
    Shape s = shape instanceof Shape.Named n ? RpfmCatalogue.type(n.name()) : shape;
    String expected;
    if (s instanceof Shape.Scalar sc) {
      expected = switch (sc.name()) {
        case "string" -> "a string";
        case "path" -> "path string";
        case "bool" -> "a boolean";
        default -> sc.name();
      };
    } else if (s instanceof Shape.Seq) {
      expected = "a sequence";
    } else if (s instanceof Shape.Tuple t) {
      expected = "a tuple of size " + t.elements().size();
    } else if (s instanceof Shape.MapOf) {
      expected = "a map";
    } else if (s instanceof Shape.Struct st) {
      expected = "struct " + st.name();
    } else if (s instanceof Shape.Opaque o && !o.isEnum()) {
      expected = "struct " + o.name();
    } else if (s instanceof Shape.Opaque) {
      return unexpected.startsWith("string") ? null : "expected value"; // an opaque enum takes any string
    } else {
      Shape.Variants e = (Shape.Variants) s;
      return unexpected.startsWith("string")
          ? SerdeText.unknownVariant("x", e.variants().stream().map(Shape.Variant::name).toList())
          : "expected value";
    }
    return "invalid type: " + unexpected + ", expected " + expected;
  }
}
