package io.gamebus.codecs.red;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gamebus.codecs.red.Outcome.Failed;
import io.gamebus.codecs.red.Outcome.Ok;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** red.md §6: how {@code params} bind to a method's parameters. */
class RedSignatureTest {

  /** Like {@code CORE__NAME(self, name=None)} plus a required first parameter. */
  private static final RedSignature SIG = RedSignature.of(List.of("a", "b"), optional("c", null, "d", 5));

  @Test
  void absentOrNullParamsBindNothing() {
    assertEquals(new JsonObject("{\"c\":null,\"d\":5}"), ok(RedSignature.of(List.of(), optional("c", null, "d", 5)), null));
    assertEquals(new JsonObject(), ok(RedSignature.none(), null));
    assertSame(RedError.TOO_FEW_ARGUMENTS, failed(SIG, null));
  }

  @Test
  void arrayBindsPositionallyAndDropsExtras() {
    assertEquals(new JsonObject("{\"a\":1,\"b\":[2],\"c\":null,\"d\":5}"), ok(SIG, new JsonArray("[1,[2]]")));
    assertEquals(new JsonObject("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}"), ok(SIG, new JsonArray("[1,2,3,4,5,6]")));
    assertSame(RedError.TOO_FEW_ARGUMENTS, failed(SIG, new JsonArray("[1]")));
    assertEquals(new JsonObject(), ok(RedSignature.none(), new JsonArray("[1,2]")));
  }

  @Test
  void objectBindsByNameAndIgnoresExtras() {
    assertEquals(new JsonObject("{\"a\":1,\"b\":2,\"c\":null,\"d\":9}"),
        ok(SIG, new JsonObject("{\"d\":9,\"zz\":0,\"b\":2,\"a\":1}")));
    // A name given as null is given: it stays null rather than taking the default.
    assertEquals(new JsonObject("{\"a\":null,\"b\":2,\"c\":null,\"d\":null}"), ok(SIG, new JsonObject("{\"a\":null,\"b\":2,\"d\":null}")));
    assertSame(RedError.TOO_FEW_ARGUMENTS, failed(SIG, new JsonObject("{\"a\":1}")));
  }

  @Test
  void documentedArgsKwargsWrapperIsNotUnpacked() {
    RedSignature load = RedSignature.of("pkg_names");
    JsonObject wrapper = new JsonObject("{\"args\":[[\"general\",\"economy\"]],\"kwargs\":{}}");
    // [wrapper]: the whole dict becomes pkg_names; the wrapper itself as params: -32602.
    assertEquals(new JsonObject().put("pkg_names", wrapper), ok(load, new JsonArray().add(wrapper)));
    assertSame(RedError.TOO_FEW_ARGUMENTS, failed(load, wrapper));
    assertEquals(new JsonObject("{\"pkg_names\":[\"general\"]}"), ok(load, new JsonArray("[[\"general\"]]")));
    assertEquals(new JsonObject("{\"pkg_names\":[\"general\"]}"), ok(load, new JsonObject("{\"pkg_names\":[\"general\"]}")));
  }

  @Test
  void scalarBindsAsAOneElementArray() {
    assertEquals(new JsonObject("{\"name\":\"Red\"}"), ok(RedSignature.of("name"), "Red"));
    assertEquals(new JsonObject("{\"a\":false}"), ok(RedSignature.of("a"), false));
    assertEquals(new JsonObject("{\"a\":0,\"b\":null}"), ok(RedSignature.of(List.of("a"), optional("b", null)), 0));
    assertSame(RedError.TOO_FEW_ARGUMENTS, failed(SIG, 1)); // b is still missing
  }

  @Test
  void signatureRulesAndJsonForm() {
    assertEquals(List.of("a", "b", "c", "d"), SIG.names());
    JsonObject json = SIG.toJson();
    assertEquals(new JsonObject("{\"required\":[\"a\",\"b\"],\"optional\":{\"c\":null,\"d\":5}}"), json);
    assertEquals(SIG, RedSignature.fromJson(json));
    assertEquals(RedSignature.none(), RedSignature.fromJson(new JsonObject()));
    assertThrows(IllegalArgumentException.class, () -> RedSignature.fromJson(new JsonObject("{\"required\":\"a\"}")));
    assertThrows(IllegalArgumentException.class, () -> RedSignature.fromJson(new JsonObject("{\"required\":[1]}")));
    assertThrows(IllegalArgumentException.class, () -> RedSignature.of("a", "a"));
    assertThrows(IllegalArgumentException.class, () -> RedSignature.of(List.of("a"), optional("a", 1)));
    for (String reserved : List.of("self", "request", "worker_pool", "")) {
      assertThrows(IllegalArgumentException.class, () -> RedSignature.of(reserved), reserved);
    }
  }

  private static JsonObject ok(RedSignature s, Object params) {
    return ((Ok<JsonObject>) s.bind(params)).value();
  }

  private static RedError failed(RedSignature s, Object params) {
    return ((Failed<JsonObject>) s.bind(params)).error();
  }

  private static Map<String, Object> optional(Object... nameThenDefault) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenDefault.length; i += 2) {
      m.put((String) nameThenDefault[i], nameThenDefault[i + 1]);
    }
    return m;
  }
}
