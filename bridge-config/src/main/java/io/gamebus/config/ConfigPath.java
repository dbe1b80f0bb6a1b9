package io.gamebus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field path as error messages print it: {@code http.port}, {@code bridge.allowedOrigins},
 * {@code endpoints[0].listeners[1].port}, with {@code [*]} for every element of a list
 * ({@code endpoints[*].listeners[*].host}). Assigning creates missing objects on the way; an index
 * may be one past the end of a list to append to it.
 */
final class ConfigPath {

  private static final String NAME = "[A-Za-z_][A-Za-z0-9_-]*";
  private static final String INDEX = "\\[(\\d{1,6}|\\*)]";
  private static final Pattern WHOLE = Pattern.compile(NAME + "(" + INDEX + ")*(\\." + NAME + "(" + INDEX + ")*)*");
  private static final Pattern STEP = Pattern.compile("(" + NAME + ")|" + INDEX);
  private static final int ALL = -1;

  /** One step: a field name, or a list index ({@link #ALL} for {@code [*]}). */
  private record Step(String field, int index) {
  }

  /** The field an assignment writes: its name (null for a list element), value now, and path. */
  record Target(String name, Object current, String path) {
  }

  private final String text;
  private final List<Step> steps;

  private ConfigPath(String text, List<Step> steps) {
    this.text = text;
    this.steps = steps;
  }

  /** Parses {@code text}; {@code origin} ({@code --set x}, a variable) names it in errors. */
  static ConfigPath parse(String text, String origin) {
    if (!WHOLE.matcher(text).matches()) {
      throw new ConfigException("", "'" + text + "' (" + origin + ") is not a field path like http.port or "
          + "endpoints[0].listeners[0].port");
    }
    List<Step> steps = new ArrayList<>();
    Matcher m = STEP.matcher(text);
    while (m.find()) {
      steps.add(m.group(1) != null ? new Step(m.group(1), 0)
          : new Step(null, m.group(2).equals("*") ? ALL : Integer.parseInt(m.group(2))));
    }
    return new ConfigPath(text, List.copyOf(steps));
  }

  /** Writes {@code value.apply(target)} at every field this path names in {@code root}. */
  void assign(JsonObject root, Function<Target, Object> value) {
    if (walk(root, 0, "", value) == 0) {
      throw new ConfigException(text, "[*] matched no element: the list is empty or absent");
    }
  }

  /** Appends {@code value} to the list at this path, creating it when absent. */
  void appendTo(JsonObject root, Object value) {
    assign(root, target -> {
      if (target.current() != null && !(target.current() instanceof JsonArray)) {
        throw new ConfigException(target.path(), "expected an array, got " + JsonFields.describe(target.current()));
      }
      JsonArray list = target.current() == null ? new JsonArray() : (JsonArray) target.current();
      return list.add(value);
    });
  }

  /** Whether an error at {@code path} is about a field this path wrote, or something inside it. */
  boolean covers(String path) {
    return covers(pattern(), path);
  }

  /** Whether {@code path} is {@code written} (a regex) or lies inside it. */
  static boolean covers(String written, String path) {
    return path.matches(written + "([.\\[].*)?");
  }

  private String pattern() {
    StringBuilder regex = new StringBuilder();
    for (Step step : steps) {
      if (step.field() != null) {
        regex.append(regex.length() == 0 ? "" : "\\.").append(Pattern.quote(step.field()));
      } else {
        regex.append(step.index() == ALL ? "\\[\\d+]" : "\\[" + step.index() + "]");
      }
    }
    return regex.toString();
  }

  /** Applies the steps from {@code i} on to {@code node} found at {@code at}; counts fields written. */
  private int walk(Object node, int i, String at, Function<Target, Object> value) {
    Step step = steps.get(i);
    boolean last = i == steps.size() - 1;
    if (step.field() != null) {
      if (!(node instanceof JsonObject)) {
        throw new ConfigException(at, "is " + JsonFields.describe(node) + ", so it has no field '" + step.field() + "'");
      }
      JsonObject object = (JsonObject) node;
      String here = at.isEmpty() ? step.field() : at + "." + step.field();
      Object child = object.getValue(step.field());
      if (last) {
        object.put(step.field(), value.apply(new Target(step.field(), child, here)));
        return 1;
      }
      if (child == null) {
        if (steps.get(i + 1).index() == ALL) {
          return 0;
        }
        child = steps.get(i + 1).field() != null ? new JsonObject() : new JsonArray();
        object.put(step.field(), child);
      }
      return walk(child, i + 1, here, value);
    }
    if (!(node instanceof JsonArray)) {
      throw new ConfigException(at, "is " + JsonFields.describe(node) + ", not a list");
    }
    JsonArray list = (JsonArray) node;
    if (step.index() == ALL) {
      int written = 0;
      for (int k = 0; k < list.size(); k++) {
        written += element(list, k, i, at, value);
      }
      return written;
    }
    if (step.index() > list.size()) {
      throw new ConfigException(at, "has " + list.size() + " element(s): index " + step.index()
          + " is past the end (the next one, " + list.size() + ", adds an element)");
    }
    if (step.index() == list.size()) {
      list.add(last ? null : steps.get(i + 1).field() != null ? new JsonObject() : new JsonArray());
    }
    return element(list, step.index(), i, at, value);
  }

  private int element(JsonArray list, int k, int i, String at, Function<Target, Object> value) {
    String here = at + "[" + k + "]";
    if (i == steps.size() - 1) {
      list.set(k, value.apply(new Target(null, list.getValue(k), here)));
      return 1;
    }
    return walk(list.getValue(k), i + 1, here, value);
  }

  @Override
  public String toString() {
    return text;
  }
}
