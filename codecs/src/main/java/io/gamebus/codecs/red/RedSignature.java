package io.gamebus.codecs.red;

import io.gamebus.codecs.red.Outcome.Failed;
import io.gamebus.codecs.red.Outcome.Ok;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A method's parameters as Red's server sees a Python function's: required names, then optional
 * names with their defaults, in declaration order. {@link #bind} applies red.md §6 to a request's
 * {@code params}. Immutable; its JSON form ({@link #toJson()}) travels in the method registry.
 */
public final class RedSignature {

  /** Names aiohttp-json-rpc never binds from params (it passes its own objects there). */
  private static final Set<String> RESERVED = Set.of("self", "request", "worker_pool");

  private final List<String> required;
  private final Map<String, Object> optional;
  private final List<String> names;

  private RedSignature(List<String> required, Map<String, Object> optional) {
    Set<String> seen = new HashSet<>();
    List<String> all = new ArrayList<>(required);
    all.addAll(optional.keySet());
    for (String name : all) {
      if (name == null || name.isEmpty() || RESERVED.contains(name)) {
        throw new IllegalArgumentException("not a parameter name Red can bind: " + name);
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("parameter named twice: " + name);
      }
    }
    this.required = List.copyOf(required);
    this.optional = Collections.unmodifiableMap(new LinkedHashMap<>(optional));
    this.names = List.copyOf(all);
  }

  /** A method without parameters: any params are accepted and dropped. */
  public static RedSignature none() {
    return new RedSignature(List.of(), Map.of());
  }

  /** Only required parameters, in order. */
  public static RedSignature of(String... required) {
    return new RedSignature(List.of(required), Map.of());
  }

  /**
   * @param required names that must be given, in order
   * @param optional names that may be left out, in order (a LinkedHashMap), each with the default
   *     bound when left out (null allowed)
   * @throws IllegalArgumentException on an empty, repeated or reserved name ({@code self},
   *     {@code request}, {@code worker_pool})
   */
  public static RedSignature of(List<String> required, Map<String, Object> optional) {
    return new RedSignature(required, optional);
  }

  /**
   * Reads {@code {"required": [names], "optional": {name: default}}}; both members may be absent.
   *
   * @throws IllegalArgumentException when the form or a name is wrong
   */
  public static RedSignature fromJson(JsonObject json) {
    try {
      JsonArray required = json.getJsonArray("required", new JsonArray());
      JsonObject optional = json.getJsonObject("optional", new JsonObject());
      List<String> names = new ArrayList<>();
      for (Object name : required) {
        names.add((String) name);
      }
      return new RedSignature(names, optional.getMap());
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("signature: expected {\"required\": [names], \"optional\": {name: default}}: "
          + json.encode(), e);
    }
  }

  /** {@code {"required": [names], "optional": {name: default}}}, a new object each time. */
  public JsonObject toJson() {
    return new JsonObject().put("required", new JsonArray(new ArrayList<>(required)))
        .put("optional", new JsonObject(new LinkedHashMap<>(optional)));
  }

  /** Required names, in order. */
  public List<String> required() {
    return required;
  }

  /** Optional names with their defaults, in order. */
  public Map<String, Object> optional() {
    return optional;
  }

  /** All names in positional order: required, then optional. */
  public List<String> names() {
    return names;
  }

  /**
   * Binds a request's {@code params} as Red does: null (absent) → no arguments; a JSON array →
   * positionally, extra items dropped; a JSON object → by name, extra keys ignored; a scalar → as a
   * one-element array. A required name left unbound fails with {@link RedError#TOO_FEW_ARGUMENTS};
   * an optional one takes its default (a name given as null stays null).
   *
   * @return the arguments by name, every parameter present, in positional order
   */
  public Outcome<JsonObject> bind(Object params) {
    Map<?, ?> given;
    if (params == null) {
      given = Map.of();
    } else if (Json.asMap(params) != null) {
      given = Json.asMap(params);
    } else {
      List<?> items = Json.asList(params) != null ? Json.asList(params) : List.of(params);
      Map<String, Object> byPosition = new LinkedHashMap<>();
      for (int i = 0, n = Math.min(items.size(), names.size()); i < n; i++) {
        byPosition.put(names.get(i), items.get(i));
      }
      given = byPosition;
    }
    LinkedHashMap<String, Object> args = new LinkedHashMap<>();
    for (String name : required) {
      if (!given.containsKey(name)) {
        return new Failed<>(RedError.TOO_FEW_ARGUMENTS);
      }
      args.put(name, given.get(name));
    }
    for (Map.Entry<String, Object> o : optional.entrySet()) {
      args.put(o.getKey(), given.containsKey(o.getKey()) ? given.get(o.getKey()) : o.getValue());
    }
    return new Ok<>(new JsonObject(args));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RedSignature s && required.equals(s.required) && optional.equals(s.optional);
  }

  @Override
  public int hashCode() {
    return required.hashCode() * 31 + optional.hashCode();
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
