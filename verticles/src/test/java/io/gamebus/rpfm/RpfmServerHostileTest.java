package io.gamebus.rpfm;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.RpfmTestClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A hostile client of the server role: floods, frames past the limit, handlers that never answer. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RpfmServerHostileTest {

  static final int MAX_MESSAGE = 64 * 1024;
  static final int PIPELINED = 5_000;

  GamebusNode node;
  int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmServer("packs", new JsonObject()
      .put("maxInFlightPerConnection", 64).put("handlerTimeoutMs", 300))
      .put("limits", new JsonObject().put("maxMessageBytes", MAX_MESSAGE)))).await(10, TimeUnit.SECONDS);
    port = RpfmServerWireTest.port(node, "packs");
  }

  @Test
  void thousandsOfPipelinedCommandsAreEachAnsweredOnceWithTheirOwnId(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, null).compose(c -> {
      for (int id = 0; id < PIPELINED; id++) {
        c.sendText("{\"id\":" + id + ",\"data\":\"GetGameSelected\"}");
      }
      return c.answers(PIPELINED, frame ->
        assertEquals("warhammer_3", frame.getJsonObject("data").getString("String"), frame.encode()));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void handlersThatNeverAnswerStillGetEveryRequestAnErrorAndTheSocketKeepsWorking(Vertx vertx, VertxTestContext test)
    throws Exception {
    RpfmHandlers.command(vertx, "packs", "GetPackFileName", call -> Promise.<JsonObject>promise().future())
      .await(5, TimeUnit.SECONDS);
    int silent = 200; // more than maxInFlightPerConnection: reading pauses, then resumes as errors go out
    RpfmTestClient.connect(vertx, port, null).compose(c -> {
      for (int id = 0; id < silent; id++) {
        c.sendText("{\"id\":" + id + ",\"data\":{\"GetPackFileName\":\"x\"}}");
      }
      c.sendText("{\"id\":" + silent + ",\"data\":\"GetGameSelected\"}");
      return c.answers(silent + 1, frame -> {
        JsonObject data = frame.getJsonObject("data");
        if (frame.getLong("id") == silent) {
          assertEquals("warhammer_3", data.getString("String"));
        } else {
          String error = data.getString("Error");
          assertTrue(error.contains("GetPackFileName") && error.contains("timeout"), error);
        }
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aMessagePastMaxMessageBytesClosesOnlyThatConnectionAndIsCounted(Vertx vertx, VertxTestContext test) {
    StringBuilder huge = new StringBuilder("{\"id\":1,\"data\":{\"SettingsSetVecRaw\":[\"k\",[");
    while (huge.length() < 2 * MAX_MESSAGE) {
      huge.append("255,");
    }
    huge.append("0]]}}");
    RpfmTestClient.connect(vertx, port, null).compose(bystander -> RpfmTestClient.connect(vertx, port, null)
        .compose(hostile -> {
          hostile.sendText(huge.toString());
          return hostile.closed();
        })
        .compose(code -> bystander.call(2, "GetGameSelected").map(answer -> code + " " + answer.encode())))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertEquals("1009 {\"id\":2,\"data\":{\"String\":\"warhammer_3\"}}", result,
          "closed with 1009 (message too big); the other connection is unaffected");
        assertEquals(1L, node.rpfmServer("packs").bus().metrics().toJson().getLong("badInput"));
        test.completeNow();
      })));
  }
}
