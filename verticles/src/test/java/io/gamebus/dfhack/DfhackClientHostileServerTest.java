package io.gamebus.dfhack;

import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.proto.CoreBindReply;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.ScriptedDfhackServer;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client role against servers that break the protocol, on loopback. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DfhackClientHostileServerTest {

  private static final JsonObject ECHO = new JsonObject().put("method", "RunCommand").put("command", "echo")
    .put("arguments", new JsonArray().add("x"));

  /** Starts a client endpoint {@code remote} on the server and waits until it is connected. */
  private static void connect(Vertx vertx, ScriptedDfhackServer server) throws Exception {
    Promise<Void> connected = Promise.promise();
    Gamebus.of(vertx).statuses("dfhack", "remote", s -> {
      if ("connected".equals(s.getString("state"))) {
        connected.tryComplete();
      }
    });
    GamebusNode.start(vertx, TestConfigs.node(DfhackFixture.client("remote", server.port()))).await(10, TimeUnit.SECONDS);
    connected.future().await(10, TimeUnit.SECONDS);
  }

  private static ReplyException failure(Vertx vertx, JsonObject body) {
    Throwable e = vertx.eventBus().request("gamebus.dfhack.remote.request", body)
      .transform(done -> io.vertx.core.Future.succeededFuture(done.cause())).await();
    return assertInstanceOf(ReplyException.class, e, String.valueOf(e));
  }

  @Test
  void aSizeHeaderPastTheLimitIsBadInputThePendingCallFailsAndTheLinkReconnects(Vertx vertx) throws Exception {
    ScriptedDfhackServer server = ScriptedDfhackServer.start(vertx, true,
      List.of(ScriptedDfhackServer.header(RpcCodes.RESULT, Integer.MAX_VALUE))).await(5, TimeUnit.SECONDS);
    Promise<String> badInput = Promise.promise();
    Promise<Void> reconnected = Promise.promise();
    int[] connects = {0};
    Gamebus.of(vertx).statuses("dfhack", "remote", s -> {
      if ("bad-input".equals(s.getString("state"))) {
        badInput.tryComplete(s.getString("detail"));
      } else if ("connected".equals(s.getString("state")) && ++connects[0] == 2) {
        reconnected.tryComplete();
      }
    });
    connect(vertx, server);
    ReplyException failed = failure(vertx, ECHO);
    assertEquals(503, failed.failureCode(), failed.getMessage());
    assertTrue(failed.getMessage().startsWith("not_connected"), failed.getMessage());
    String detail = badInput.future().await(5, TimeUnit.SECONDS);
    assertTrue(detail.startsWith("bad_size"), detail);
    reconnected.future().await(10, TimeUnit.SECONDS);
    server.acceptedAtLeast(2).await(5, TimeUnit.SECONDS);
  }

  @Test
  void anUndecodableTextIsSkippedAndTheCallCompletesOnTheSameLink(Vertx vertx) throws Exception {
    Buffer garbage = Buffer.buffer(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
    Buffer answer = RpcEncoder.frame(RpcCodes.TEXT, garbage).appendBuffer(RpcEncoder.result(Buffer.buffer()));
    ScriptedDfhackServer server = ScriptedDfhackServer.start(vertx, true, List.of(answer, answer)).await(5, TimeUnit.SECONDS);
    connect(vertx, server);
    for (int call = 0; call < 2; call++) {
      JsonObject reply = vertx.eventBus().<JsonObject>request("gamebus.dfhack.remote.request", ECHO)
        .await(5, TimeUnit.SECONDS).body();
      // The real client prints "received invalid text data" and goes on: no text, result OK.
      assertEquals(new JsonArray(), reply.getJsonArray("text"));
    }
    assertEquals(1, server.accepted());
    assertEquals(0, server.closed());
  }

  @Test
  void anUndecodableResultIsBadReply(Vertx vertx) throws Exception {
    Buffer bind = RpcEncoder.result(CoreBindReply.newBuilder().setAssignedId(7).build());
    Buffer garbage = RpcEncoder.result(Buffer.buffer(new byte[] {(byte) 0xff, (byte) 0xff}));
    ScriptedDfhackServer server = ScriptedDfhackServer.start(vertx, true, List.of(bind, garbage)).await(5, TimeUnit.SECONDS);
    connect(vertx, server);
    ReplyException failed = failure(vertx, new JsonObject().put("method", "GetVersion"));
    assertEquals(502, failed.failureCode(), failed.getMessage());
    assertTrue(failed.getMessage().startsWith("bad_reply"), failed.getMessage());
  }

  @Test
  void aServerThatAnswersNothingMakesTheRequestTimeOutWhileTheCallKeepsItsPlace(Vertx vertx) throws Exception {
    ScriptedDfhackServer server = ScriptedDfhackServer.start(vertx, true, List.of()).await(5, TimeUnit.SECONDS);
    JsonObject config = DfhackFixture.client("remote", server.port())
      .put("options", new JsonObject().put("requestTimeoutMs", 200).put("maxInFlight", 1));
    Promise<Void> connected = Promise.promise();
    Gamebus.of(vertx).statuses("dfhack", "remote", s -> {
      if ("connected".equals(s.getString("state"))) {
        connected.tryComplete();
      }
    });
    GamebusNode.start(vertx, TestConfigs.node(config)).await(10, TimeUnit.SECONDS);
    connected.future().await(10, TimeUnit.SECONDS);
    ReplyException timedOut = failure(vertx, ECHO);
    assertEquals(504, timedOut.failureCode(), timedOut.getMessage());
    // The unanswered call still holds its place on the wire, so the in-flight bound still counts it.
    ReplyException busy = failure(vertx, ECHO);
    assertEquals(429, busy.failureCode(), busy.getMessage());
  }
}
