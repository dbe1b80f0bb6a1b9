package io.gamebus.dfhack;

import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client role against our own server role, through {@code .request}. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DfhackClientEndpointTest {

  Vertx vertx;
  GamebusNode server;
  int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = GamebusNode.start(vertx, TestConfigs.node(DfhackFixture.server("fortress", true))).await(10, TimeUnit.SECONDS);
    port = DfhackFixture.port(server, "fortress");
  }

  private GamebusNode startClient() throws Exception {
    Promise<Void> connected = Promise.promise();
    Gamebus.of(vertx).statuses("dfhack", "remote", s -> {
      if ("connected".equals(s.getString("state"))) {
        connected.tryComplete();
      }
    });
    GamebusNode client = GamebusNode.start(vertx, TestConfigs.node(DfhackFixture.client("remote", port))).await(10, TimeUnit.SECONDS);
    connected.future().await(10, TimeUnit.SECONDS);
    return client;
  }

  @Test
  void aBrowserRunsACommandThroughTheBridgeAndTheClientRole() throws Exception {
    GamebusNode client = startClient();
    io.vertx.core.http.WebSocketClient browser = vertx.createWebSocketClient();
    io.vertx.core.http.WebSocket ws = browser.connect(client.console().actualPort(), "127.0.0.1", "/eventbus/websocket")
      .await(5, TimeUnit.SECONDS);
    Promise<JsonObject> reply = Promise.promise();
    ws.handler(frame -> reply.tryComplete(new JsonObject(frame.toString())));
    ws.writeTextMessage(new JsonObject().put("type", "send").put("address", "gamebus.dfhack.remote.request")
      .put("replyAddress", "browser-1")
      .put("body", new JsonObject().put("method", "RunCommand").put("command", "echo").put("arguments", new JsonArray().add("from").add("page")))
      .encode());
    JsonObject rec = reply.future().await(10, TimeUnit.SECONDS);
    assertEquals("rec", rec.getString("type"), rec.encode());
    assertEquals("from page\n", rec.getJsonObject("body").getJsonArray("text").getJsonObject(0).getString("text"));
    browser.close();
  }

  private JsonObject request(JsonObject body) throws Exception {
    return vertx.eventBus().<JsonObject>request("gamebus.dfhack.remote.request", body).await(10, TimeUnit.SECONDS).body();
  }

  private ReplyException failure(JsonObject body) {
    Exception e = assertThrows(Exception.class, () -> request(body));
    Throwable cause = e instanceof ReplyException ? e : e.getCause();
    assertTrue(cause instanceof ReplyException, String.valueOf(e));
    return (ReplyException) cause;
  }

  @Test
  void coreMethodsAreBoundOnFirstUseAndAnswered() throws Exception {
    startClient();
    assertEquals("50.13-r5", request(new JsonObject().put("method", "GetVersion")).getJsonObject("output").getString("value"));
    assertEquals("v0.50.13", request(new JsonObject().put("method", "GetDFVersion")).getJsonObject("output").getString("value"));
    assertEquals(1, request(new JsonObject().put("method", "CoreSuspend")).getJsonObject("output").getInteger("value"));
  }

  @Test
  void runCommandRepliesWithItsTextAndFailuresCarryTheCommandResult() throws Exception {
    startClient();
    JsonObject reply = request(new JsonObject().put("method", "RunCommand").put("command", "echo")
      .put("arguments", new JsonArray().add("hi").add("there")));
    assertEquals("hi there\n", reply.getJsonArray("text").getJsonObject(0).getString("text"));
    ReplyException unknown = failure(new JsonObject().put("method", "RunCommand").put("command", "ls"));
    assertEquals(-1, unknown.failureCode());
    assertEquals("ls is not a recognized command.", unknown.getMessage());
  }

  @Test
  void textIsPublishedOnInAndCallsToo() throws Exception {
    List<Envelope> seen = new ArrayList<>();
    Promise<Void> both = Promise.promise();
    Gamebus.of(vertx).subscribe("dfhack", "remote", env -> {
      seen.add(env);
      if (seen.size() == 2) {
        both.tryComplete();
      }
    });
    startClient();
    request(new JsonObject().put("method", "RunCommand").put("command", "echo").put("arguments", new JsonArray().add("x")));
    both.future().await(5, TimeUnit.SECONDS);
    assertEquals("text", seen.get(0).type());
    assertEquals("x\n", seen.get(0).body().getJsonArray("fragments").getJsonObject(0).getString("text"));
    assertEquals("RunCommand", seen.get(1).type());
  }

  @Test
  void pluginMethodsBindOnlyWithARegisteredHandlerOfTheSameSignature() throws Exception {
    boolean[] paused = {false};
    DfhackHandlers.method(vertx, "fortress", CoreMethods.RFR_GET_PAUSE_STATE,
      call -> Future.succeededFuture(DfhackReply.ok().output(new JsonObject().put("Value", paused[0])))).await(5, TimeUnit.SECONDS);
    DfhackHandlers.method(vertx, "fortress", CoreMethods.RFR_SET_PAUSE_STATE, call -> {
      paused[0] = call.getJsonObject("input").getBoolean("Value");
      return Future.succeededFuture(DfhackReply.ok());
    }).await(5, TimeUnit.SECONDS);
    startClient();
    JsonObject rfr = new JsonObject().put("plugin", "RemoteFortressReader");
    request(rfr.copy().put("method", "SetPauseState").put("input", new JsonObject().put("Value", true)));
    assertEquals(true, request(rfr.copy().put("method", "GetPauseState")).getJsonObject("output").getBoolean("Value"));
    ReplyException missing = failure(rfr.copy().put("method", "GetVersionInfo"));
    assertEquals(1, missing.failureCode());
    assertEquals("RPC method not found: RemoteFortressReader::GetVersionInfo", missing.getMessage());
    ReplyException wrongTypes = failure(rfr.copy().put("method", "GetPauseState")
      .put("inputType", "dfproto.EmptyMessage").put("outputType", "dfproto.IntMessage"));
    assertEquals("Requested wrong signature for RPC method: RemoteFortressReader::GetPauseState", wrongTypes.getMessage());
  }

  @Test
  void requestsReachTheServerInOrderEvenWhenOneWaitsForItsBind() throws Exception {
    DfhackHandlers.method(vertx, "fortress", CoreMethods.RFR_SET_PAUSE_STATE,
      call -> Future.succeededFuture(DfhackReply.ok())).await(5, TimeUnit.SECONDS);
    List<String> order = new ArrayList<>();
    Promise<Void> both = Promise.promise();
    Gamebus.of(vertx).subscribe("dfhack", "fortress", env -> {
      if (!env.type().equals("BindMethod")) {
        order.add(env.type());
        if (order.size() == 2) {
          both.tryComplete();
        }
      }
    });
    startClient();
    Future<?> first = vertx.eventBus().request("gamebus.dfhack.remote.request", new JsonObject()
      .put("plugin", "RemoteFortressReader").put("method", "SetPauseState").put("input", new JsonObject().put("Value", true)));
    Future<?> second = vertx.eventBus().request("gamebus.dfhack.remote.request", new JsonObject()
      .put("method", "RunCommand").put("command", "echo").put("arguments", new JsonArray().add("after")));
    Future.all(first, second).await(10, TimeUnit.SECONDS);
    both.future().await(5, TimeUnit.SECONDS);
    assertEquals(List.of("RemoteFortressReader.SetPauseState", "RunCommand"), order);
  }

  @Test
  void aServerThatNeverAnswersTheHandshakeIsDroppedAfterTheHandshakeTimeoutAndRetried() throws Exception {
    io.gamebus.support.ScriptedDfhackServer silent = io.gamebus.support.ScriptedDfhackServer.start(vertx, false, List.of())
      .await(5, TimeUnit.SECONDS);
    Promise<String> failed = Promise.promise();
    Promise<Void> retried = Promise.promise();
    List<String> states = new ArrayList<>();
    Gamebus.of(vertx).statuses("dfhack", "mute", s -> {
      states.add(s.getString("state"));
      if ("failed".equals(s.getString("state"))) {
        failed.tryComplete(s.getString("detail"));
      } else if ("connecting".equals(s.getString("state")) && failed.future().isComplete()) {
        retried.tryComplete();
      }
    });
    JsonObject config = DfhackFixture.client("mute", silent.port())
      .put("options", new JsonObject().put("handshakeTimeoutMs", 200));
    GamebusNode.start(vertx, TestConfigs.node(config)).await(10, TimeUnit.SECONDS);
    // While the handshake is pending the link is not up: requests fail at once.
    ReplyException early = assertThrows(ReplyException.class, () -> vertx.eventBus()
      .request("gamebus.dfhack.mute.request", new JsonObject().put("method", "GetVersion")).await(5, TimeUnit.SECONDS));
    assertEquals(503, early.failureCode());
    String detail = failed.future().await(10, TimeUnit.SECONDS);
    assertTrue(detail.contains("handshake") && detail.contains("timed out after 200 ms"), detail);
    retried.future().await(10, TimeUnit.SECONDS);
    assertEquals(List.of("connecting", "failed", "reconnecting", "connecting"), states.subList(0, 4));
    // The client closed the first connection itself and opened a second one.
    silent.closedAtLeast(1).await(5, TimeUnit.SECONDS);
    silent.acceptedAtLeast(2).await(5, TimeUnit.SECONDS);
  }

  @Test
  void endpointsOnAnotherBusPrefixAnswerWithTheirOwnHandlers() throws Exception {
    JsonObject config = TestConfigs.node(DfhackFixture.server("keep", true)).toJson().put("busPrefix", "gb2");
    GamebusNode other = GamebusNode.start(vertx, io.gamebus.config.GamebusConfig.fromJson(config)).await(10, TimeUnit.SECONDS);
    io.gamebus.support.DfhackRawClient raw = io.gamebus.support.DfhackRawClient.connect(vertx, DfhackFixture.port(other, "keep"))
      .await(5, TimeUnit.SECONDS);
    raw.write(io.gamebus.codecs.dfhack.Handshake.request()).write(DfhackFixture.runCommand("echo", "prefixed"));
    assertEquals("prefixed\n", DfhackFixture.text(raw.next().await(5, TimeUnit.SECONDS)));
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingIsSent() throws Exception {
    startClient();
    assertEquals(400, failure(new JsonObject().put("method", "NoSuchThing")).failureCode());
    Exception notAnObject = assertThrows(Exception.class, () ->
      vertx.eventBus().request("gamebus.dfhack.remote.request", "RunCommand help").await(10, TimeUnit.SECONDS));
    assertEquals(400, ((ReplyException) notAnObject).failureCode());
    assertEquals(400, failure(new JsonObject().put("method", "ListUnits").put("input", new JsonObject().put("race", "not a number"))).failureCode());
  }

  @Test
  void failsFastWhileDownAndRebindsAfterReconnecting() throws Exception {
    startClient();
    assertEquals("50.13-r5", request(new JsonObject().put("method", "GetVersion")).getJsonObject("output").getString("value"));
    Promise<Void> reconnected = Promise.promise();
    Promise<Void> dropped = Promise.promise();
    int[] connects = {0};
    Gamebus.of(vertx).statuses("dfhack", "remote", s -> {
      if ("connected".equals(s.getString("state")) && ++connects[0] == 1) {
        reconnected.tryComplete();
      } else if ("connection-closed".equals(s.getString("state"))) {
        dropped.tryComplete();
      }
    });
    server.stop().await(5, TimeUnit.SECONDS);
    dropped.future().await(10, TimeUnit.SECONDS); // the client has seen the link drop
    ReplyException down = failure(new JsonObject().put("method", "GetVersion"));
    assertEquals(503, down.failureCode());
    JsonObject again = DfhackFixture.server("fortress", true);
    again.getJsonArray("listeners").getJsonObject(0).put("port", port);
    server = GamebusNode.start(vertx, TestConfigs.node(again)).await(10, TimeUnit.SECONDS);
    reconnected.future().await(10, TimeUnit.SECONDS);
    // A fresh connection: the cached id must not be reused, GetVersion is bound again.
    assertEquals("50.13-r5", request(new JsonObject().put("method", "GetVersion")).getJsonObject("output").getString("value"));
  }
}
