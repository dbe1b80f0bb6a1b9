package io.gamebus.codecs.rpfm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a payload in the catalogue's small type grammar (see
 * {@code catalogue-5.0.6.txt}). Shapes are immutable; {@link #describe()} prints the shape back in
 * the grammar, e.g. {@code [string, ContainerPath[]]} or {@code string|null}.
 */
public sealed interface Shape {

  /** The shape in the catalogue's grammar. */
  String describe();

  /** A JSON scalar: string, path, bool, i32, u32, u64, f32, usize, u8. */
  record Scalar(String name) implements Shape {
    @Override
    public String describe() {
      return name;
    }
  }

  /** A JSON array of any length (Rust {@code Vec} or set). */
  record Seq(Shape element) implements Shape {
    @Override
    public String describe() {
      return element.describe() + "[]";
    }
  }

  /** {@code null} or the inner shape (Rust {@code Option}). */
  record Opt(Shape inner) implements Shape {
    @Override
    public String describe() {
      return inner.describe() + "|null";
    }
  }

  /** A JSON array of exactly these elements (Rust tuple). */
  record Tuple(List<Shape> elements) implements Shape {
    @Override
    public String describe() {
      return "[" + join(elements) + "]";
    }
  }

  /** A JSON object whose keys follow {@code key} (a string or enum shape) and values {@code value}. */
  record MapOf(Shape key, Shape value) implements Shape {
    @Override
    public String describe() {
      return "{" + key.describe() + ": " + value.describe() + "}";
    }
  }

  /** A shared type by name, resolved against the catalogue's {@code type} lines. */
  record Named(String name) implements Shape {
    @Override
    public String describe() {
      return name;
    }
  }

  /** A variant of a {@link Variants} enum: no fields (unit), one (newtype) or several (tuple). */
  record Variant(String name, List<Shape> fields, boolean tuple) {

    /** True for a unit variant (a bare JSON string on the wire). */
    public boolean isUnit() {
      return fields.isEmpty();
    }

    /** The payload as written in the catalogue: empty for unit, the fields joined by ", ". */
    public String describe() {
      return join(fields);
    }
  }

  /** An externally tagged enum (serde's default), like {@code Command} itself. */
  record Variants(String name, List<Variant> variants, Map<String, Variant> byName) implements Shape {

    /** Builds the name index; variants keep their declaration order. */
    public Variants(String name, List<Variant> variants) {
      this(name, List.copyOf(variants), index(variants));
    }

    @Override
    public String describe() {
      return name;
    }

    /** The variant of that name, or null. */
    public Variant variant(String variantName) {
      return byName.get(variantName);
    }

    private static Map<String, Variant> index(List<Variant> variants) {
      Map<String, Variant> map = new HashMap<>();
      for (Variant v : variants) {
        if (map.put(v.name(), v) != null) {
          throw new IllegalArgumentException("duplicate variant " + v.name());
        }
      }
      return Map.copyOf(map);
    }
  }

  /** A Rust struct: a JSON object with these fields; fields of an {@link Opt} shape may be missing. */
  record Struct(String name, List<String> fieldNames, List<Shape> fieldShapes) implements Shape {
    @Override
    public String describe() {
      return name;
    }
  }

  /** A large type checked only as a JSON object ({@code enum}: a string or a one-key object). */
  record Opaque(String name, boolean isEnum) implements Shape {
    @Override
    public String describe() {
      return name;
    }
  }

  private static String join(List<Shape> shapes) {
    StringBuilder b = new StringBuilder();
    for (Shape s : shapes) {
      b.append(b.length() == 0 ? "" : ", ").append(s.describe());
    }
    return b.toString();
  }
}
