package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.Handshake;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.endpoint.EndpointMetrics;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.DfhackRawClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layer's limits on a DFHack server: maxMessagesPerSecond closes the client as bad input. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class DfhackServerLimitsTest {

  @Test
  void aClientPastMaxMessagesPerSecondIsClosedAsBadInput(Vertx vertx) throws Exception {
    JsonObject fortress = DfhackFixture.server("fortress", false)
      .put("limits", new JsonObject().put("maxMessagesPerSecond", 5));
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(fortress)).await(10, TimeUnit.SECONDS);
    EndpointMetrics metrics = node.dfhackServer("fortress").bus().metrics();
    CompletableFuture<String> badInput = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>consumer("gamebus.dfhack.fortress.status", m -> {
      if ("bad-input".equals(m.body().getString("state"))) {
        badInput.complete(m.body().getString("detail"));
      }
    });
    DfhackRawClient client = DfhackRawClient.connect(vertx, DfhackFixture.port(node, "fortress")).await(5, TimeUnit.SECONDS);
    client.write(Handshake.request());
    client.handshake().await(5, TimeUnit.SECONDS);
    client.write(DfhackFixture.bind(DfhackFixture.GET_VERSION));
    int id = DfhackFixture.boundId(client.next().await(5, TimeUnit.SECONDS));
    Buffer calls = Buffer.buffer();
    for (int i = 0; i < 20; i++) {
      calls.appendBuffer(RpcEncoder.request(id, Buffer.buffer()));
    }
    client.write(calls);
    client.closed().await(5, TimeUnit.SECONDS);
    assertTrue(badInput.get(5, TimeUnit.SECONDS).contains("5 messages per second"));
    assertEquals(1, metrics.badInputs());
  }
}
