package io.gamebus.codecs.rpfm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the catalogue's type grammar: {@code T[]}, {@code T|null}, {@code [A, B]},
 * {@code {K: V}}, scalars and type names. Recursive descent over one line; whitespace between
 * tokens is ignored. Throws {@link IllegalArgumentException} naming the text on any error, so a bad
 * catalogue line fails class loading loudly.
 */
final class ShapeParser {

  static final Set<String> SCALARS = Set.of("string", "path", "bool", "i32", "u32", "u64", "f32", "usize", "u8");

  private final String text;
  private int pos;

  private ShapeParser(String text) {
    this.text = text;
  }

  /** One type expression covering the whole text. */
  static Shape parse(String text) {
    ShapeParser p = new ShapeParser(text);
    Shape s = p.type();
    p.end();
    return s;
  }

  /** A comma-separated list of type expressions covering the whole text (empty text: none). */
  static List<Shape> parseList(String text) {
    ShapeParser p = new ShapeParser(text);
    List<Shape> list = new ArrayList<>();
    p.skipBlank();
    if (p.pos == text.length()) {
      return list;
    }
    list.add(p.type());
    while (p.accept(',')) {
      list.add(p.type());
    }
    p.end();
    return list;
  }

  /** Struct fields {@code name: T, other: U} covering the whole text, in order. */
  static List<Map.Entry<String, Shape>> parseFields(String text) {
    ShapeParser p = new ShapeParser(text);
    List<Map.Entry<String, Shape>> fields = new ArrayList<>();
    do {
      String name = p.word();
      p.expect(':');
      fields.add(Map.entry(name, p.type()));
    } while (p.accept(','));
    p.end();
    return fields;
  }

  private Shape type() {
    Shape s = postfix();
    if (accept('|')) {
      expectWord("null");
      s = new Shape.Opt(s);
    }
    return s;
  }

  private Shape postfix() {
    Shape s = primary();
    for (skipBlank(); text.startsWith("[]", pos); skipBlank()) {
      pos += 2;
      s = new Shape.Seq(s);
    }
    return s;
  }

  private Shape primary() {
    if (accept('[')) {
      List<Shape> elements = new ArrayList<>();
      elements.add(type());
      while (accept(',')) {
        elements.add(type());
      }
      expect(']');
      return new Shape.Tuple(List.copyOf(elements));
    }
    if (accept('{')) {
      Shape key = type();
      expect(':');
      Shape value = type();
      expect('}');
      return new Shape.MapOf(key, value);
    }
    String word = word();
    return SCALARS.contains(word) ? new Shape.Scalar(word) : new Shape.Named(word);
  }

  private String word() {
    skipBlank();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw error("a type");
    }
    return text.substring(start, pos);
  }

  private void expectWord(String w) {
    if (!word().equals(w)) {
      throw error(w);
    }
  }

  private boolean peek(char c) {
    skipBlank();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean accept(char c) {
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw error("'" + c + "'");
    }
  }

  private void end() {
    skipBlank();
    if (pos != text.length()) {
      throw error("end of text");
    }
  }

  private void skipBlank() {
    pos = skipBlankFrom(pos);
  }

  private int skipBlankFrom(int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private IllegalArgumentException error(String expected) {
    return new IllegalArgumentException("expected " + expected + " at " + pos + " in: " + text);
  }
}
