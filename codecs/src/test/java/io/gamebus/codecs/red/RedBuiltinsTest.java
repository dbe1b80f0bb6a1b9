package io.gamebus.codecs.red;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gamebus.codecs.red.Outcome.Failed;
import io.gamebus.codecs.red.Outcome.Ok;
import io.gamebus.codecs.red.RedBuiltins.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** red.md §7: the built-ins' names and how they read their params. */
class RedBuiltinsTest {

  private static final Predicate<String> REGISTERED = Set.of("GET_METHODS", "CORE__LOAD", "A")::contains;

  @Test
  void namesInRedsOrderWithoutTheDocumentedGetTopic() {
    assertEquals(List.of("GET_METHODS", "GET_TOPICS", "GET_SUBSCRIPTIONS", "SUBSCRIBE", "UNSUBSCRIBE", "GET_METHOD_INFO"),
        RedBuiltins.NAMES);
    assertTrue(RedBuiltins.isBuiltin("GET_TOPICS"));
    assertFalse(RedBuiltins.isBuiltin("GET_TOPIC"));
    assertFalse(RedBuiltins.isBuiltin("get_methods"));
  }

  @Test
  void methodInfoIsNullForRegisteredNamesAndNoDocstringOtherwise() {
    assertEquals(new Ok<String>(null), RedBuiltins.methodInfo(new JsonArray().add("CORE__LOAD"), REGISTERED));
    assertEquals(new Ok<String>(null), RedBuiltins.methodInfo(new JsonArray().add("GET_METHODS").add("x"), REGISTERED));
    assertEquals(new Ok<>("No docstring available."), RedBuiltins.methodInfo(new JsonArray().add("get_methods"), REGISTERED));
    assertEquals(new Ok<>("No docstring available."), RedBuiltins.methodInfo(new JsonArray().add(5), REGISTERED));
    assertEquals(new Ok<>("No docstring available."), RedBuiltins.methodInfo(new JsonArray().addNull(), REGISTERED));
    // A bare string is indexed: its first character is the name.
    assertEquals(new Ok<String>(null), RedBuiltins.methodInfo("ABC", REGISTERED));
    assertEquals(new Ok<>("No docstring available."), RedBuiltins.methodInfo("CORE__LOAD", REGISTERED));
  }

  @Test
  void methodInfoFailsWith32603WithoutAUsableFirstItem() {
    for (Object params : new Object[] {null, new JsonArray(), "", 7, true, new JsonObject().put("0", "A"),
        new JsonArray().add(new JsonArray().add("A")), new JsonArray().add(new JsonObject())}) {
      assertEquals(new Failed<String>(RedError.INTERNAL_ERROR), RedBuiltins.methodInfo(params, REGISTERED), String.valueOf(params));
    }
  }

  @Test
  void topicsFromANameAnArrayOrNothing() {
    assertEquals(new Topics(List.of("T"), false), RedBuiltins.topics("T"));
    assertEquals(new Topics(List.of("A", "B", "A"), false), RedBuiltins.topics(new JsonArray("[\"A\",\"B\",\"A\"]")));
    assertEquals(new Topics(List.of(), false), RedBuiltins.topics(null));
    assertEquals(new Topics(List.of(), false), RedBuiltins.topics(new JsonArray()));
    // Falsy items are skipped; numbers and booleans never name a topic; empty containers are falsy.
    assertEquals(new Topics(List.of("X"), false),
        RedBuiltins.topics(new JsonArray("[\"\",0,false,null,1,true,[],{},\"X\"]")));
    assertEquals(new Topics(List.of(), false), RedBuiltins.topics(new JsonObject()));
  }

  @Test
  void nonEmptyContainerItemFailsAfterTheItemsBeforeIt() {
    assertEquals(new Topics(List.of("A"), true), RedBuiltins.topics(new JsonArray("[\"A\",[\"B\"],\"C\"]")));
    assertEquals(new Topics(List.of(), true), RedBuiltins.topics(new JsonObject().put("topic", "A")));
  }
}
