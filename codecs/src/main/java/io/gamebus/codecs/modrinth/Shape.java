package io.gamebus.codecs.modrinth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a value in the Modrinth catalogue: a type, a closed set of strings, a number
 * range, an object with fields, an array, or a union tagged by a string field. {@link #check}
 * returns null when the value fits, without allocating; objects and arrays are accepted both as
 * Vert.x {@link JsonObject}/{@link JsonArray} (decoded frames) and as plain {@link Map}/{@link List}
 * (values put into a JsonObject by a verticle).
 */
abstract class Shape {

  /** Any present value, null included: §7 names the field but not its type. */
  static final Shape ANY = new Shape() {
    @Override
    Problem check(Object v, boolean secret) {
      return null;
    }
  };
  static final Shape STRING = new Leaf("a string") {
    @Override
    boolean fits(Object v) {
      return v instanceof String;
    }
  };
  static final Shape BOOLEAN = new Leaf("a boolean") {
    @Override
    boolean fits(Object v) {
      return v instanceof Boolean;
    }
  };
  static final Shape NUMBER = new Leaf("a number") {
    @Override
    boolean fits(Object v) {
      return v instanceof Number n && finite(n);
    }
  };
  static final Shape INTEGER = new Leaf("an integer") {
    @Override
    boolean fits(Object v) {
      return isInteger(v);
    }
  };
  /** Byte counts are u64 on the server: Integer, Long or BigInteger, and floats that are whole or not. */
  static final Shape NON_NEGATIVE = new Leaf("a non-negative number") {
    @Override
    boolean fits(Object v) {
      return v instanceof Number n && finite(n) && sign(n) >= 0;
    }
  };
  static final Shape UNIT_INTERVAL = new Leaf("a number from 0 to 1") {
    @Override
    boolean fits(Object v) {
      return v instanceof Number n && finite(n) && sign(n) >= 0 && n.doubleValue() <= 1.0;
    }
  };

  /**
   * @param secret the value must not be shown in the problem
   * @return null when the value fits, else what is wrong (path relative to this value)
   */
  abstract Problem check(Object value, boolean secret);

  static Shape oneOf(String... values) {
    return new OneOf(values);
  }

  static Shape orNull(Shape shape) {
    return new Shape() {
      @Override
      Problem check(Object v, boolean secret) {
        return v == null ? null : shape.check(v, secret);
      }
    };
  }

  static ObjectShape object(Field... fields) {
    return new ObjectShape(fields);
  }

  static Shape arrayOf(Shape element) {
    return new Shape() {
      @Override
      Problem check(Object v, boolean secret) {
        List<?> list = asList(v);
        if (list == null) {
          return Problem.expected("an array", v, secret);
        }
        for (int i = 0, n = list.size(); i < n; i++) {
          Problem p = element.check(list.get(i), secret);
          if (p != null) {
            return p.atIndex(i);
          }
        }
        return null;
      }
    };
  }

  /** An object whose string field {@code tag} picks the shape of the rest; other tag values are refused. */
  static Shape tagged(String tag, Map<String, ObjectShape> variants) {
    Shape tagShape = oneOf(variants.keySet().toArray(new String[0]));
    return new Shape() {
      @Override
      Problem check(Object v, boolean secret) {
        Map<?, ?> map = asMap(v);
        if (map == null) {
          return Problem.expected("an object", v, secret);
        }
        if (!map.containsKey(tag)) {
          return Problem.missing().at(tag);
        }
        Object t = map.get(tag);
        Problem p = tagShape.check(t, secret);
        return p != null ? p.at(tag) : variants.get((String) t).checkFields(map, secret);
      }
    };
  }

  static Map<String, ObjectShape> variants(Object... tagThenShape) {
    Map<String, ObjectShape> m = new LinkedHashMap<>();
    for (int i = 0; i < tagThenShape.length; i += 2) {
      m.put((String) tagThenShape[i], (ObjectShape) tagThenShape[i + 1]);
    }
    return m;
  }

  static Map<?, ?> asMap(Object v) {
    return v instanceof JsonObject o ? o.getMap() : v instanceof Map<?, ?> m ? m : null;
  }

  static List<?> asList(Object v) {
    return v instanceof JsonArray a ? a.getList() : v instanceof List<?> l ? l : null;
  }

  private static boolean finite(Number n) {
    return !(n instanceof Double || n instanceof Float) || Double.isFinite(n.doubleValue());
  }

  private static int sign(Number n) {
    if (n instanceof BigInteger b) {
      return b.signum();
    }
    if (n instanceof BigDecimal d) {
      return d.signum();
    }
    if (n instanceof Double || n instanceof Float) {
      return n.doubleValue() < 0 ? -1 : 0; // -0.0 counts as zero
    }
    return Long.signum(n.longValue());
  }

  private static boolean isInteger(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger;
  }

  /** A shape with one yes/no test and a fixed description. */
  private abstract static class Leaf extends Shape {
    private final String expected;

    Leaf(String expected) {
      this.expected = expected;
    }

    abstract boolean fits(Object v);

    @Override
    Problem check(Object v, boolean secret) {
      return fits(v) ? null : Problem.expected(expected, v, secret);
    }
  }

  /** A string from a closed set; a handful of values, so a linear scan beats hashing. */
  private static final class OneOf extends Shape {
    private final String[] values;
    private final String expected;

    OneOf(String[] values) {
      this.values = values.clone();
      this.expected = "one of " + String.join(", ", values);
    }

    @Override
    Problem check(Object v, boolean secret) {
      if (v instanceof String s) {
        for (String value : values) {
          if (value.equals(s)) {
            return null;
          }
        }
      }
      return Problem.expected(expected, v, secret);
    }

    @Override
    public String toString() {
      return Arrays.toString(values);
    }
  }

  /** An object with named fields; fields not named are allowed and left alone. */
  static final class ObjectShape extends Shape {
    private final Field[] fields;

    ObjectShape(Field[] fields) {
      this.fields = fields.clone();
    }

    List<Field> fields() {
      return List.of(fields);
    }

    @Override
    Problem check(Object v, boolean secret) {
      Map<?, ?> map = asMap(v);
      return map == null ? Problem.expected("an object", v, secret) : checkFields(map, secret);
    }

    Problem checkFields(Map<?, ?> map, boolean secret) {
      for (Field f : fields) {
        Object value = map.get(f.name());
        if (value == null) {
          if (!f.required()) {
            continue;
          }
          if (!map.containsKey(f.name())) {
            return Problem.missing().at(f.name());
          }
        }
        Problem p = f.shape().check(value, secret || f.secret());
        if (p != null) {
          return p.at(f.name());
        }
      }
      return null;
    }
  }
}
