package io.gamebus.red;

import io.gamebus.codecs.red.RedSignature;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.Eventually;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Red client role driving the Red server role of another node: a method registered with
 * {@link RedMethods} answers a {@code .request}, parameters bind as red.md §6, and the errors of
 * the server role reach the bus caller with their JSON-RPC codes.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RedClientServerRoundTripTest {

  @Test
  void theClientRoleCallsMethodsOfTheServerRole(Vertx vertx) throws Exception {
    GamebusNode server = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redServer("rpc", new JsonObject())))
      .await(10, TimeUnit.SECONDS);
    String url = server.redServer("rpc").listening().get(0);
    RedMethods.register(vertx, "rpc", "TEST__GREET", RedSignature.of(List.of("name"), Map.of("greeting", "Hello")),
      call -> Future.succeededFuture(new JsonObject().put("result", call.getJsonObject("args").getString("greeting")
        + ", " + call.getJsonObject("args").getString("name")))).await(10, TimeUnit.SECONDS);

    List<JsonObject> statuses = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer("gamebus.red.bot.status", m -> statuses.add(m.body()));
    GamebusNode client = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redClient("bot",
      url, new JsonObject()))).await(10, TimeUnit.SECONDS);
    Eventually.value(() -> statuses.stream().anyMatch(s -> "connected".equals(s.getString("state"))) ? true : null,
      "connected");
    JsonArray methods = statuses.stream().filter(s -> "methods".equals(s.getString("state"))).findFirst()
      .orElseThrow().getJsonArray("methods");
    assertTrue(methods.contains("GET_METHODS") && methods.contains("TEST__GREET"), methods.encode());

    assertEquals("Hello, Ada", request(vertx, new JsonObject().put("method", "TEST__GREET")
      .put("params", new JsonArray().add("Ada"))).getString("result"));
    assertEquals("Hi, Bob", request(vertx, new JsonObject().put("method", "TEST__GREET")
      .put("params", new JsonObject().put("name", "Bob").put("greeting", "Hi"))).getString("result"));
    assertEquals("Hello, Cy", request(vertx, new JsonObject().put("method", "TEST__GREET").put("params", "Cy"))
      .getString("result"));
    ReplyException missing = failure(vertx, new JsonObject().put("method", "TEST__GREET"));
    assertEquals(-32602, missing.failureCode());
    assertEquals("to few arguments", missing.getMessage());
    ReplyException unknown = failure(vertx, new JsonObject().put("method", "GET_TOPIC"));
    assertEquals(-32601, unknown.failureCode());
    assertEquals("Method not found", unknown.getMessage());

    client.stop().await(5, TimeUnit.SECONDS);
    server.stop().await(5, TimeUnit.SECONDS);
  }

  private static JsonObject request(Vertx vertx, JsonObject body) throws Exception {
    return vertx.eventBus().<JsonObject>request("gamebus.red.bot.request", body,
      new DeliveryOptions().setSendTimeout(10_000)).await(10, TimeUnit.SECONDS).body();
  }

  private static ReplyException failure(Vertx vertx, JsonObject body) {
    Exception e = assertThrows(Exception.class, () -> request(vertx, body));
    return (ReplyException) (e instanceof ReplyException ? e : e.getCause());
  }
}
