package io.gamebus.codecs.modrinth;

/**
 * What a shape check found wrong, with the path from the checked value down to the bad one. Only
 * built on failure: a value that fits costs no allocation. Segments are prepended while the check
 * unwinds, so the path reads from the outside in ({@code items[0].key.type}).
 */
final class Problem {

  /** Strings longer than this are cut in messages: frames may carry whole console lines. */
  static final int SHOWN_CHARS = 64;

  private final String path;
  private final String message;

  private Problem(String path, String message) {
    this.path = path;
    this.message = message;
  }

  static Problem missing() {
    return new Problem("", "required field missing");
  }

  /** {@code expected <expected>, got <value>}; a secret value is named by its type only. */
  static Problem expected(String expected, Object got, boolean secret) {
    return new Problem("", "expected " + expected + ", got " + (secret ? typeName(got) : show(got)));
  }

  /** The same problem one object level up. */
  Problem at(String field) {
    return new Problem(path.isEmpty() ? field : path.charAt(0) == '[' ? field + path : field + "." + path, message);
  }

  /** The same problem one array level up. */
  Problem atIndex(int index) {
    return at("[" + index + "]");
  }

  /** {@code root.path: message}. */
  String text(String root) {
    return (path.isEmpty() ? root : path.charAt(0) == '[' ? root + path : root + "." + path) + ": " + message;
  }

  /** A value as a message shows it: strings quoted and cut, containers by type. */
  static String show(Object v) {
    if (v instanceof String s) {
      return s.length() <= SHOWN_CHARS
          ? "\"" + s + "\""
          : "\"" + s.substring(0, SHOWN_CHARS) + "…\" (" + s.length() + " chars)";
    }
    if (v instanceof Number || v instanceof Boolean) {
      String s = v.toString();
      return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "… (" + s.length() + " chars)";
    }
    return typeName(v);
  }

  static String typeName(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Number) {
      return "a number";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (Shape.asMap(v) != null) {
      return "an object";
    }
    if (Shape.asList(v) != null) {
      return "an array";
    }
    return "a " + v.getClass().getSimpleName();
  }
}
