package io.gamebus.red;

import io.gamebus.bus.Envelope;
import io.gamebus.codecs.red.RedSignature;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.Conversation;
import io.gamebus.support.RedRawClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code .sent} of Red in both roles: results, errors and notifications as the JSON-RPC peer read them. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RedSentTest {

  Vertx vertx;
  GamebusNode node;
  int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redServer("bot", new JsonObject()
      .put("topics", new JsonObject().put("FAF__GAME_INFO", "test.game_info"))))).await(10, TimeUnit.SECONDS);
    port = RedServerHostileTest.port(node, "bot");
    RedMethods.register(vertx, "bot", "TEST__GREET", RedSignature.of(List.of("name"), Map.of("greeting", "hello")),
      call -> Future.succeededFuture(RedMethods.result("hello " + call.getJsonObject("args").getString("name"))))
      .await(5, TimeUnit.SECONDS);
  }

  private static RedRawClient.Frame exchange(RedRawClient client, String text) throws Exception {
    client.text(text);
    return client.next().await(10, TimeUnit.SECONDS);
  }

  @Test
  void resultsErrorsAndNotificationsAreWhatTheClientRead() throws Exception {
    Conversation bot = Conversation.of(vertx, "red", "bot");
    RedRawClient client = RedRawClient.connect(vertx, port, "/", null).await(10, TimeUnit.SECONDS);

    RedRawClient.Frame greeted = exchange(client, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"TEST__GREET\",\"params\":[\"Ada\"]}");
    Envelope result = bot.await("sent", "TEST__GREET");
    assertEquals(greeted.json(), result.body());
    assertEquals("hello Ada", result.body().getString("result"));
    Envelope call = bot.await("in", "TEST__GREET");
    assertEquals(call.seq() + 1, result.seq());
    assertEquals(call.connection(), result.connection());

    RedRawClient.Frame parseError = exchange(client, "{not json");
    Envelope error = bot.await("sent", "error");
    assertEquals(parseError.json(), error.body());
    assertEquals(-32700, error.body().getJsonObject("error").getInteger("code"));

    exchange(client, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"SUBSCRIBE\",\"params\":[\"FAF__GAME_INFO\"]}");
    vertx.eventBus().publish("test.game_info", new JsonObject().put("uid", 7));
    RedRawClient.Frame note = client.next().await(10, TimeUnit.SECONDS);
    Envelope notified = bot.await("sent", "FAF__GAME_INFO");
    assertEquals(note.json(), notified.body());
    assertNull(notified.connection(), "a notification goes to every subscriber: one envelope");
    assertEquals(1, notified.recipients());

    assertTrue(bot.seqsConsecutive(), bot.ordered().toString());
    assertEquals(List.of("in TEST__GREET", "sent TEST__GREET", "sent error", "in SUBSCRIBE", "sent SUBSCRIBE",
      "sent FAF__GAME_INFO"), bot.flow(e -> true));
    client.close();
  }

  @Test
  void theClientRoleShowsItsCallsAsTheServerDecodedThem() throws Exception {
    Conversation client = Conversation.of(vertx, "red", "client");
    Conversation bot = Conversation.of(vertx, "red", "bot");
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redClient("client", node.redServer("bot").listening().get(0),
      new JsonObject()))).await(10, TimeUnit.SECONDS);
    Envelope handshake = client.await("sent", "GET_METHODS");
    assertEquals(bot.await("in", "GET_METHODS").body(), handshake.body());
    assertEquals(handshake.connection(), client.await("in", "GET_METHODS").connection());
    assertTrue(client.await("in", "GET_METHODS").seq() > handshake.seq(), "the call before its result");
  }
}
