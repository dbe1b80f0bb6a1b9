package io.gamebus.cluster;

import io.gamebus.codecs.red.RedSignature;
import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.launcher.VertxFactory;
import io.gamebus.red.RedMethods;
import io.gamebus.support.RedRawClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two Hazelcast members in one JVM: a Red method registered on node B, which runs no Red endpoint,
 * is listed by {@code GET_METHODS} and answers a client's call on node A's endpoint.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RedClusterTest {

  Vertx a;
  Vertx b;

  @AfterEach
  void close() throws Exception {
    if (b != null) {
      b.close().await(30, TimeUnit.SECONDS);
    }
    if (a != null) {
      a.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aMethodRegisteredOnNodeBAnswersACallOnNodeA() throws Exception {
    GamebusConfig config = GamebusConfig.fromJson(TestConfigs.node(TestConfigs.redServer("bot", new JsonObject()))
      .toJson().put("cluster", new JsonObject().put("enabled", true)));
    a = VertxFactory.create(config).await(90, TimeUnit.SECONDS);
    b = VertxFactory.create(config).await(90, TimeUnit.SECONDS);
    GamebusNode node = GamebusNode.start(a, config).await(30, TimeUnit.SECONDS);
    String url = node.redServer("bot").listening().get(0);
    int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.length() - 1));

    RedMethods.register(b, "bot", "REMOTE__ECHO", RedSignature.of("text"), call -> Future.succeededFuture(
      RedMethods.result(new JsonObject().put("text", call.getJsonObject("args").getString("text"))
        .put("answeredOn", "b").put("calledOn", call.getString("node")))))
      .await(20, TimeUnit.SECONDS);

    RedRawClient client = RedRawClient.connect(a, port, "/", null).await(20, TimeUnit.SECONDS);
    client.text("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"REMOTE__ECHO\",\"params\":[\"hi\"]}");
    assertEquals("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"text\": \"hi\", \"answeredOn\": \"b\", \"calledOn\": \""
      + node.nodeId() + "\"}}", client.next().await(20, TimeUnit.SECONDS).text());
    client.text("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"GET_METHODS\"}");
    assertEquals("{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": [\"GET_METHODS\", \"GET_TOPICS\", \"GET_SUBSCRIPTIONS\", "
      + "\"SUBSCRIBE\", \"UNSUBSCRIBE\", \"GET_METHOD_INFO\", \"REMOTE__ECHO\"]}", client.next().await(20, TimeUnit.SECONDS).text());
    node.stop().await(30, TimeUnit.SECONDS);
  }
}
