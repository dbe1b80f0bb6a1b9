package io.gamebus.red;

import io.gamebus.codecs.red.RedSignature;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.NodeScript;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third-party JSON-RPC 2.0 client from npm ({@code json-rpc-2.0} over {@code ws}, in
 * {@code red-client.mjs}) used against the Red server role as its users use it: calls with
 * positional and named params, errors as the library surfaces them, the example methods, and a
 * subscribed topic arriving as a notification the library dispatches to a method of its own.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RedServerNpmClientTest {

  static final String GAME_INFO = "test.faf.game_info";

  static GamebusNode start(Vertx vertx) throws Exception {
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redServer("bot", new JsonObject()
      .put("exampleMethods", true).put("topics", new JsonObject().put("FAF__GAME_INFO", GAME_INFO)))))
      .await(10, TimeUnit.SECONDS);
    RedMethods.register(vertx, "bot", "TEST__GREET", RedSignature.of(List.of("name"), Map.of("greeting", "hello")),
      call -> {
        JsonObject args = call.getJsonObject("args");
        return Future.succeededFuture(RedMethods.result(args.getString("greeting") + " " + args.getString("name")));
      }).await(5, TimeUnit.SECONDS);
    return node;
  }

  static NodeScript client(GamebusNode node) throws Exception {
    NodeScript client = NodeScript.start("red-client.mjs", "--url", node.redServer("bot").listening().get(0));
    client.awaitLine("READY", 30);
    return client;
  }

  static String call(String tag, String method, Object params) {
    return new JsonObject().put("tag", tag).put("call", method).put("params", params).encode();
  }

  @Test
  void callsErrorsExamplesAndATopicThroughAnNpmJsonRpcClient(Vertx vertx) throws Exception {
    GamebusNode node = start(vertx);
    try (NodeScript client = client(node)) {
      client.send(call("methods", "GET_METHODS", null));
      assertEquals("RESULT methods [\"GET_METHODS\",\"GET_TOPICS\",\"GET_SUBSCRIPTIONS\",\"SUBSCRIBE\",\"UNSUBSCRIBE\","
        + "\"GET_METHOD_INFO\",\"GAMEBUS__ENDPOINTS\",\"GAMEBUS__SEND\",\"TEST__GREET\"]", client.awaitLine("RESULT methods", 10));

      client.send(call("positional", "TEST__GREET", new JsonArray().add("Ann")));
      assertEquals("RESULT positional \"hello Ann\"", client.awaitLine("RESULT positional", 10));
      client.send(call("named", "TEST__GREET", new JsonObject().put("name", "Bob").put("greeting", "hi")));
      assertEquals("RESULT named \"hi Bob\"", client.awaitLine("RESULT named", 10));

      client.send(call("unknown", "TEST__NOPE", new JsonArray()));
      assertEquals("FAILED unknown -32601 Method not found", client.awaitLine("FAILED unknown", 10));
      client.send(call("missing", "TEST__GREET", new JsonArray()));
      assertEquals("FAILED missing -32602 to few arguments", client.awaitLine("FAILED missing", 10));

      client.send(call("endpoints", "GAMEBUS__ENDPOINTS", null));
      JsonObject endpoints = new JsonObject(client.awaitLine("RESULT endpoints", 10).substring("RESULT endpoints ".length()));
      JsonObject red = endpoints.getJsonArray("endpoints").getJsonObject(0);
      assertEquals("red", red.getString("protocol"), endpoints.encode());
      assertEquals("bot", red.getString("name", red.getString("endpoint")), endpoints.encode());

      client.send(new JsonObject().put("tag", "sub").put("subscribe", "FAF__GAME_INFO").encode());
      assertEquals("RESULT sub [\"FAF__GAME_INFO\"]", client.awaitLine("RESULT sub", 10));
      vertx.eventBus().publish(GAME_INFO, new JsonObject().put("uid", 42).put("title", "Seton's"));
      assertEquals("NOTIFY FAF__GAME_INFO {\"uid\":42,\"title\":\"Seton's\"}", client.awaitLine("NOTIFY", 10));

      int mark = client.lineCount();
      client.send(call("send", "GAMEBUS__SEND", new JsonObject().put("protocol", "red").put("endpoint", "bot")
        .put("message", new JsonObject().put("method", "FAF__GAME_INFO").put("params", new JsonObject().put("via", "send")))));
      assertEquals("RESULT send {\"written\":1}", client.awaitSince(mark, "RESULT send", 10));
      assertEquals("NOTIFY FAF__GAME_INFO {\"via\":\"send\"}", client.awaitSince(mark, "NOTIFY", 10));

      client.send(call("nowhere", "GAMEBUS__SEND", new JsonArray().add("faf").add("lobby").add(new JsonObject())));
      String failed = client.awaitLine("FAILED nowhere", 10);
      assertTrue(failed.startsWith("FAILED nowhere -32000 no_endpoint"), failed);
    }
  }
}
