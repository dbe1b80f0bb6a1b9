package io.gamebus.codecs.red;

import io.gamebus.codecs.red.Outcome.Failed;
import io.gamebus.codecs.red.Outcome.Ok;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The built-in methods of Red's server (red.md §7) as pure data: their names in the order
 * {@code GET_METHODS} lists them, and how each reads its {@code params} (the built-ins take the
 * raw params, not a {@link RedSignature}). Which methods, topics and subscriptions exist is the
 * server's state; these functions only say what Red does with a given request.
 */
public final class RedBuiltins {

  public static final String GET_METHODS = "GET_METHODS";
  public static final String GET_TOPICS = "GET_TOPICS";
  public static final String GET_SUBSCRIPTIONS = "GET_SUBSCRIPTIONS";
  public static final String SUBSCRIBE = "SUBSCRIBE";
  public static final String UNSUBSCRIBE = "UNSUBSCRIBE";
  public static final String GET_METHOD_INFO = "GET_METHOD_INFO";

  /**
   * The built-ins in Red's registration order, which is the start of every {@code GET_METHODS}
   * result. {@code GET_TOPIC} (the documentation's name) is not one: Red answers it -32601.
   */
  public static final List<String> NAMES =
      List.of(GET_METHODS, GET_TOPICS, GET_SUBSCRIPTIONS, SUBSCRIBE, UNSUBSCRIBE, GET_METHOD_INFO);

  /** {@code GET_METHOD_INFO}'s result for a name that is not registered. */
  public static final String NO_DOCSTRING = "No docstring available.";

  private RedBuiltins() {}

  /** Whether {@code method} is one of {@link #NAMES}. */
  public static boolean isBuiltin(String method) {
    return NAMES.contains(method);
  }

  /**
   * {@code GET_METHOD_INFO}: Red takes {@code params[0]} as the name. A registered name (built-ins
   * included) gives null (Red returns the wrapper's missing docstring), any other name or value
   * {@value #NO_DOCSTRING}. No params, an empty array or string, an object, a number or a boolean,
   * or a first item that is an array or object → {@link RedError#INTERNAL_ERROR}. A string param is
   * indexed: its first character is the name.
   *
   * @param registered whether a name is in the server's current method table
   */
  public static Outcome<String> methodInfo(Object params, Predicate<String> registered) {
    Object name;
    List<?> list = Json.asList(params);
    if (list != null && !list.isEmpty()) {
      name = list.get(0);
    } else if (params instanceof String s && !s.isEmpty()) {
      name = new String(Character.toChars(s.codePointAt(0)));
    } else {
      return new Failed<>(RedError.INTERNAL_ERROR);
    }
    if (Json.isContainer(name)) {
      return new Failed<>(RedError.INTERNAL_ERROR); // unhashable in Python's `name in methods`
    }
    return new Ok<>(name instanceof String s && registered.test(s) ? null : NO_DOCSTRING);
  }

  /**
   * The topic names {@code SUBSCRIBE} or {@code UNSUBSCRIBE} goes through, as Red reads them:
   * params that are not an array count as a one-element array; items that are false in Python
   * (null, false, 0, "", [] and {}) are skipped; strings are names; other scalars never name a topic.
   * A non-empty array or object item makes Red fail with -32603 after the items before it took
   * effect: then {@link Topics#failsAfter()} is true.
   *
   * <p>For each name in order, {@code SUBSCRIBE} subscribes when the topic is among the topics the
   * connection saw when it opened, and sends that topic's retained state as a notification at once
   * (before the result); {@code UNSUBSCRIBE} removes a subscribed name. The result is the
   * connection's subscriptions after the change (in no fixed order), or -32603 when failsAfter.
   */
  public static Topics topics(Object params) {
    List<?> items = Json.asList(params) != null ? Json.asList(params) : Collections.singletonList(params);
    List<String> names = new ArrayList<>();
    for (Object item : items) {
      if (Json.isContainer(item) && !Json.isEmptyContainer(item)) {
        return new Topics(names, true);
      }
      if (item instanceof String s && !s.isEmpty()) {
        names.add(s);
      }
    }
    return new Topics(names, false);
  }

  /**
   * The names to go through, in order (repeats kept), and whether Red then fails with -32603.
   *
   * @param names topic names, in params order
   * @param failsAfter true when a later item makes Red answer {@link RedError#INTERNAL_ERROR}
   */
  public record Topics(List<String> names, boolean failsAfter) {
    public Topics {
      names = List.copyOf(names);
    }
  }
}
