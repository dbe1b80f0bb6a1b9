package io.gamebus.rpfm;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.RpfmTestClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one connection may hold: pipelined large answers, and megabytes of commands waiting for handlers. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RpfmServerLimitsTest {

  GamebusNode node;
  int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmServer("packs", new JsonObject())))
      .await(10, TimeUnit.SECONDS);
    port = RpfmServerWireTest.port(node, "packs");
  }

  /**
   * rpfm.md §6: several requests may be in flight; raw files travel as tens of MiB of JSON. Answers
   * wait while the write queue is full instead of being pushed past it, so a client that reads is
   * never cut off as a slow consumer for asking several large files at once.
   */
  @Test
  void pipelinedLargeAnswersAreAllDelivered(Vertx vertx, VertxTestContext test) throws Exception {
    String big = "x".repeat(4 * 1024 * 1024);
    RpfmHandlers.command(vertx, "packs", "GetPackFileName",
      call -> Future.succeededFuture(RpfmHandlers.reply("String", big))).await(5, TimeUnit.SECONDS);
    int pipelined = 4;
    RpfmTestClient.connect(vertx, port, null).compose(c -> {
      c.closed().onSuccess(code -> test.failNow("the server closed the socket (" + code + ")"));
      for (int id = 0; id < pipelined; id++) {
        c.sendText("{\"id\":" + id + ",\"data\":{\"GetPackFileName\":\"x\"}}");
      }
      return c.answers(pipelined, frame ->
        assertEquals(big.length(), frame.getJsonObject("data").getString("String").length()));
    }).onComplete(test.succeedingThenComplete());
  }

  /**
   * DESIGN §9: commands waiting for their handlers are bounded in bytes as well as in count, so a
   * few commands of tens of MiB cannot pile up: with 16 MiB waiting the server stops reading, and
   * the next command is answered only after them.
   */
  @Test
  void readingStopsWhileMegabytesOfCommandsAwaitTheirHandler(Vertx vertx, VertxTestContext test) throws Exception {
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmServer("packs",
      new JsonObject().put("handlerTimeoutMs", 2_000)))).await(10, TimeUnit.SECONDS);
    int port = RpfmServerWireTest.port(node, "packs");
    RpfmHandlers.command(vertx, "packs", "GetPackFileName", call -> Promise.<JsonObject>promise().future())
      .await(5, TimeUnit.SECONDS);
    String mebibytes = "x".repeat(2 * 1024 * 1024);
    int slow = 8;
    RpfmTestClient.connect(vertx, port, null).onComplete(test.succeeding(c -> {
      c.next().onComplete(test.succeeding(first -> test.verify(() -> {
        assertTrue(first.getLong("id") < slow, "the server kept reading past " + slow * 2
          + " MiB of unanswered commands and answered " + first.encode() + " first");
        test.completeNow();
      })));
      for (int id = 0; id < slow; id++) {
        c.sendText(new JsonObject().put("id", id).put("data", new JsonObject().put("GetPackFileName", mebibytes)).encode());
      }
      c.sendText("{\"id\":" + slow + ",\"data\":\"GetGameSelected\"}");
    }));
  }
}
