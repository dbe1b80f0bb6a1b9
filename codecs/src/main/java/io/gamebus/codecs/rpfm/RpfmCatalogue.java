package io.gamebus.codecs.rpfm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The RPFM IPC catalogue as data, pinned to RPFM {@value #VERSION}: all 161 {@code Command} and
 * 83 {@code Response} variants in declaration order with their payload shapes, and the shared types
 * they use. Read once at class load from {@code catalogue-5.0.6.txt} next to this class; a
 * malformed line or an undeclared type name fails class loading. Immutable and thread-safe.
 */
public final class RpfmCatalogue {

  /** The RPFM release the catalogue is pinned to. */
  public static final String VERSION = "5.0.6";

  private static final String RESOURCE = "catalogue-" + VERSION + ".txt";
  private static final Shape.Variants COMMANDS;
  private static final Shape.Variants RESPONSES;
  private static final Map<String, Shape> TYPES;

  static {
    List<Shape.Variant> commands = new ArrayList<>();
    List<Shape.Variant> responses = new ArrayList<>();
    Map<String, Shape> types = new HashMap<>();
    for (String line : lines()) {
      String[] head = line.split(" ", 3);
      switch (head[0]) {
        case "command" -> commands.add(variant(head[1], head.length > 2 ? head[2] : ""));
        case "response" -> responses.add(variant(head[1], head.length > 2 ? head[2] : ""));
        case "type" -> types.put(head[1], type(head[1], head[2]));
        default -> throw new IllegalStateException(RESOURCE + ": unknown line: " + line);
      }
    }
    COMMANDS = new Shape.Variants("Command", commands);
    RESPONSES = new Shape.Variants("Response", responses);
    TYPES = Map.copyOf(types);
    checkNamesDeclared();
  }

  private RpfmCatalogue() {}

  /** Command variant names in declaration order (161). */
  public static List<String> commands() {
    return names(COMMANDS);
  }

  /** Response variant names in declaration order (83). */
  public static List<String> responses() {
    return names(RESPONSES);
  }

  public static boolean isCommand(String name) {
    return name != null && COMMANDS.variant(name) != null;
  }

  public static boolean isResponse(String name) {
    return name != null && RESPONSES.variant(name) != null;
  }

  /** True for commands without payload, sent as a bare string ({@code "NewPack"}). */
  public static boolean isUnitCommand(String name) {
    return isCommand(name) && COMMANDS.variant(name).isUnit();
  }

  /** True for {@code Success} and {@code Unknown}, the responses sent as a bare string. */
  public static boolean isUnitResponse(String name) {
    return isResponse(name) && RESPONSES.variant(name).isUnit();
  }

  /** The whole {@code Command} enum. */
  public static Shape.Variants commandEnum() {
    return COMMANDS;
  }

  /** The whole {@code Response} enum. */
  public static Shape.Variants responseEnum() {
    return RESPONSES;
  }

  /**
   * The payload shape of a command: null for a unit command, the field's shape for a newtype
   * command, a {@link Shape.Tuple} of the fields for a tuple command.
   *
   * @throws IllegalArgumentException for a name that is not a command
   */
  public static Shape commandShape(String name) {
    return payloadShape(COMMANDS, name);
  }

  /** Same as {@link #commandShape(String)} for a response variant. */
  public static Shape responseShape(String name) {
    return payloadShape(RESPONSES, name);
  }

  /** A shared type ({@code ContainerPath}, {@code Note}, ...) by name, or null when not declared. */
  public static Shape type(String name) {
    return TYPES.get(name);
  }

  private static Shape payloadShape(Shape.Variants e, String name) {
    Shape.Variant v = name == null ? null : e.variant(name);
    if (v == null) {
      throw new IllegalArgumentException("not a " + e.name() + " variant: " + name);
    }
    if (v.isUnit()) {
      return null;
    }
    return v.tuple() ? new Shape.Tuple(v.fields()) : v.fields().get(0);
  }

  private static List<String> names(Shape.Variants e) {
    return e.variants().stream().map(Shape.Variant::name).toList();
  }

  /** {@code Name}, {@code Name T} or {@code Name T, U}: unit, newtype or tuple variant. */
  private static Shape.Variant variant(String name, String payload) {
    List<Shape> fields = ShapeParser.parseList(payload);
    return new Shape.Variant(name, List.copyOf(fields), fields.size() > 1);
  }

  private static Shape type(String name, String definition) {
    String[] kind = definition.split(" ", 2);
    switch (kind[0]) {
      case "opaque":
        return new Shape.Opaque(name, false);
      case "opaque-enum":
        return new Shape.Opaque(name, true);
      case "enum": {
        List<Shape.Variant> variants = new ArrayList<>();
        for (String v : kind[1].split("\\|")) {
          String t = v.trim();
          int open = t.indexOf('(');
          variants.add(open < 0 ? variant(t, "") : variant(t.substring(0, open), t.substring(open + 1, t.length() - 1)));
        }
        return new Shape.Variants(name, variants);
      }
      case "struct": {
        List<String> fieldNames = new ArrayList<>();
        List<Shape> fieldShapes = new ArrayList<>();
        for (Map.Entry<String, Shape> f : ShapeParser.parseFields(kind[1])) {
          fieldNames.add(f.getKey());
          fieldShapes.add(f.getValue());
        }
        return new Shape.Struct(name, List.copyOf(fieldNames), List.copyOf(fieldShapes));
      }
      default:
        throw new IllegalStateException(RESOURCE + ": unknown type kind: " + definition);
    }
  }

  private static List<String> lines() {
    try (InputStream in = RpfmCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkNamesDeclared() {
    List<Shape> all = new ArrayList<>();
    for (Shape.Variants e : List.of(COMMANDS, RESPONSES)) {
      e.variants().forEach(v -> all.addAll(v.fields()));
    }
    all.addAll(TYPES.values());
    while (!all.isEmpty()) {
      Shape s = all.remove(all.size() - 1);
      if (s instanceof Shape.Named n && !TYPES.containsKey(n.name())) {
        throw new IllegalStateException(RESOURCE + ": undeclared type " + n.name());
      } else if (s instanceof Shape.Seq q) {
        all.add(q.element());
      } else if (s instanceof Shape.Opt o) {
        all.add(o.inner());
      } else if (s instanceof Shape.Tuple t) {
        all.addAll(t.elements());
      } else if (s instanceof Shape.MapOf m) {
        all.add(m.key());
        all.add(m.value());
      } else if (s instanceof Shape.Variants e) {
        e.variants().forEach(v -> all.addAll(v.fields()));
      } else if (s instanceof Shape.Struct st) {
        all.addAll(st.fieldShapes());
      }
    }
  }
}
