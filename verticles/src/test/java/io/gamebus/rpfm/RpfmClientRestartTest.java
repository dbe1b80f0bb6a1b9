package io.gamebus.rpfm;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client role against a server that restarts, and against binary frames (found in review). */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RpfmClientRestartTest {

  /**
   * issue 7 / rpfm.md §8, §13: after a drop the client resumes with ?session_id= and must report
   * session-lost when the server no longer has the session. A real rpfm_server that restarted
   * (it exits when its last session ends, and the real UI respawns it) counts ids from 1 again,
   * so the resume of session 1 is answered SessionConnected(1) for a brand-new session: the ids
   * match, gamebus reports nothing, and the bus client carries on against an empty session.
   */
  @Test
  void aRestartedServerThatReusesTheIdIsStillReportedAsALostSession(Vertx vertx) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    JsonObject serverConfig = TestConfigs.rpfmServer("restart", new JsonObject());
    serverConfig.getJsonArray("listeners").getJsonObject(0).put("port", port);
    GamebusNode first = GamebusNode.start(vertx, TestConfigs.node(serverConfig)).await(10, TimeUnit.SECONDS);

    List<String> states = new CopyOnWriteArrayList<>();
    AtomicReference<Promise<Void>> connected = new AtomicReference<>(Promise.promise());
    AtomicReference<Promise<Void>> failedWhileDown = new AtomicReference<>(Promise.promise());
    vertx.eventBus().<JsonObject>consumer("gamebus.rpfm.remote.status", m -> {
      String state = m.body().getString("state");
      states.add(state);
      if ("connected".equals(state)) {
        connected.get().tryComplete();
      } else if ("failed".equals(state)) {
        failedWhileDown.get().tryComplete();
      }
    });
    GamebusNode client = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmClient("remote",
      "ws://127.0.0.1:" + port + "/ws", new JsonObject()))).await(10, TimeUnit.SECONDS);
    connected.get().future().await(10, TimeUnit.SECONDS);
    String key = request(vertx, "NewPack").getString("value");
    assertEquals(1, request(vertx, "ListOpenPacks").getJsonArray("value").size(), key);

    connected.set(Promise.promise());
    failedWhileDown.set(Promise.promise());
    first.stop().await(10, TimeUnit.SECONDS);
    // A real restart leaves the port closed for a while (the UI kills and respawns the server):
    // the client sees at least one refused attempt, and that is how it knows the process is new
    // even when the pid is the same (here: one JVM).
    failedWhileDown.get().future().await(10, TimeUnit.SECONDS);
    GamebusNode second = GamebusNode.start(vertx, TestConfigs.node(serverConfig)).await(10, TimeUnit.SECONDS);
    connected.get().future().await(10, TimeUnit.SECONDS);

    assertEquals(0, request(vertx, "ListOpenPacks").getJsonArray("value").size(), "the pack is gone: a new session");
    assertTrue(states.contains("session-lost"), "no session-lost although the session's state is gone: " + states);
    client.stop().await(5, TimeUnit.SECONDS);
    second.stop().await(5, TimeUnit.SECONDS);
  }

  /**
   * rpfm.md §4, §9: RPFM is text frames only; the real UI ignores binary frames. The client role
   * (SocketConnector's whole-message mode hands binary messages to the decoder) takes a binary
   * frame as a response and completes the request with it.
   */
  @Test
  void aBinaryFrameFromTheServerIsNotAResponse(Vertx vertx) throws Exception {
    io.vertx.core.http.HttpServer fake = vertx.createHttpServer().webSocketHandler(ws -> {
      ws.writeTextMessage("{\"id\":0,\"data\":{\"SessionConnected\":1}}");
      ws.textMessageHandler(text -> {
        long id = new JsonObject(text).getLong("id");
        ws.writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer("{\"id\":" + id + ",\"data\":{\"String\":\"binary\"}}"));
      });
    });
    int port = fake.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS).actualPort();
    Promise<Void> connected = Promise.promise();
    vertx.eventBus().<JsonObject>consumer("gamebus.rpfm.remote.status", m -> {
      if ("connected".equals(m.body().getString("state"))) {
        connected.tryComplete();
      }
    });
    GamebusNode client = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmClient("remote",
      "ws://127.0.0.1:" + port + "/ws", new JsonObject().put("requestTimeoutMs", 500)))).await(10, TimeUnit.SECONDS);
    connected.future().await(10, TimeUnit.SECONDS);
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> request(vertx, "GetGameSelected"),
      "a binary frame answered the request");
    io.vertx.core.eventbus.ReplyException failure = (io.vertx.core.eventbus.ReplyException)
      (e instanceof io.vertx.core.eventbus.ReplyException ? e : e.getCause());
    assertEquals(504, failure.failureCode());
    client.stop().await(5, TimeUnit.SECONDS);
    fake.close();
  }

  private static JsonObject request(Vertx vertx, String command) throws Exception {
    return vertx.eventBus().<JsonObject>request("gamebus.rpfm.remote.request", new JsonObject().put("command", command),
      new DeliveryOptions().setSendTimeout(10_000)).await(10, TimeUnit.SECONDS).body();
  }
}
