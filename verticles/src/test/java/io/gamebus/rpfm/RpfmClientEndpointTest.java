package io.gamebus.rpfm;

import io.gamebus.bus.Gamebus;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
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

/** The client role driving our own server role through {@code .request}. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RpfmClientEndpointTest {

  Vertx vertx;
  GamebusNode server;
  int port;
  final List<JsonObject> statuses = new ArrayList<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmServer("packs", new JsonObject())))
      .await(10, TimeUnit.SECONDS);
    port = RpfmServerWireTest.port(server, "packs");
    vertx.eventBus().<JsonObject>consumer("gamebus.rpfm.remote.status", m -> statuses.add(m.body()));
  }

  private GamebusNode startClient(JsonObject options) throws Exception {
    Promise<Void> connected = Promise.promise();
    Gamebus.of(vertx).statuses("rpfm", "remote", s -> {
      if ("connected".equals(s.getString("state"))) {
        connected.tryComplete();
      }
    });
    GamebusNode client = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmClient("remote",
      "ws://127.0.0.1:" + port + "/ws", options))).await(10, TimeUnit.SECONDS);
    connected.future().await(10, TimeUnit.SECONDS);
    return client;
  }

  private JsonObject request(JsonObject body) throws Exception {
    return vertx.eventBus().<JsonObject>request("gamebus.rpfm.remote.request", body,
      new DeliveryOptions().setSendTimeout(10_000)).await(10, TimeUnit.SECONDS).body();
  }

  private ReplyException failure(JsonObject body) {
    Exception e = assertThrows(Exception.class, () -> request(body));
    return (ReplyException) (e instanceof ReplyException ? e : e.getCause());
  }

  static JsonObject command(String name, Object args) {
    JsonObject body = new JsonObject().put("command", name);
    return args == null ? body : body.put("args", args);
  }

  @Test
  void requestsReachTheServersHandlersAndRepliesAreTheDecodedResponses() throws Exception {
    startClient(new JsonObject());
    assertEquals(new JsonObject().put("variant", "String").put("value", "new_pack_1.pack"), request(command("NewPack", null)));
    assertEquals(new JsonObject().put("variant", "Success"), request(command("ClosePack", "new_pack_1.pack")));
    ReplyException error = failure(command("ClosePack", "new_pack_1.pack"));
    assertEquals(RpfmClientEndpoint.ERROR_CODE, error.failureCode());
    assertEquals("Pack not found: new_pack_1.pack", error.getMessage());
  }

  @Test
  void rawFilesOfMegabytesTravelBothWaysAsNumberArrays() throws Exception {
    int size = 4 * 1024 * 1024; // 4 MiB of bytes: about 14 MiB of JSON, one frame each way
    JsonArray bytes = new JsonArray();
    for (int i = 0; i < size; i++) {
      bytes.add(i % 256);
    }
    RpfmHandlers.command(vertx, "packs", "SettingsSetVecRaw", call ->
      Future.succeededFuture(call.getJsonArray("args").getJsonArray(1).size() == size
        ? RpfmHandlers.success() : RpfmHandlers.reply("Error", "wrong size"))).await(5, TimeUnit.SECONDS);
    RpfmHandlers.command(vertx, "packs", "GetPackedFileRawData", call ->
      Future.succeededFuture(RpfmHandlers.reply("VecU8", bytes))).await(5, TimeUnit.SECONDS);
    startClient(new JsonObject());
    assertEquals(new JsonObject().put("variant", "Success"),
      request(command("SettingsSetVecRaw", new JsonArray().add("raw").add(bytes))));
    JsonArray received = request(command("GetPackedFileRawData", new JsonArray().add("a.pack").add("db/x")))
      .getJsonArray("value");
    assertEquals(size, received.size());
    assertEquals(bytes, received);
  }

  @Test
  void aCommandTheCatalogueDoesNotKnowOrThatEndsTheSessionIsRefusedBeforeSending() throws Exception {
    startClient(new JsonObject());
    assertEquals(400, failure(command("NoSuchCommand", null)).failureCode());
    assertEquals(400, failure(command("SavePackAs", new JsonArray().add("only one"))).failureCode());
    ReplyException exit = failure(command("Exit", null));
    assertEquals(400, exit.failureCode());
    assertTrue(exit.getMessage().contains("never sent"), exit.getMessage());
  }

  @Test
  void aSlowHandlerTimesTheRequestOutAndALaterOneStillWorks() throws Exception {
    RpfmHandlers.command(vertx, "packs", "GetPackFileName", call -> Promise.<JsonObject>promise().future())
      .await(5, TimeUnit.SECONDS);
    startClient(new JsonObject().put("requestTimeoutMs", 300));
    assertEquals(504, failure(command("GetPackFileName", "a.pack")).failureCode());
    assertEquals("warhammer_3", request(command("GetGameSelected", null)).getString("value"));
  }

  @Test
  void afterADropTheLinkResumesItsSessionAndKeepsTheServersState() throws Exception {
    startClient(new JsonObject());
    request(command("NewPack", null));
    Promise<Void> again = Promise.promise();
    Gamebus.of(vertx).statuses("rpfm", "remote", s -> {
      if ("connected".equals(s.getString("state"))) {
        again.tryComplete();
      }
    });
    // Drop every server-side connection: the client reconnects with ?session_id=1.
    server.rpfmServer("packs").dropConnections().await(5, TimeUnit.SECONDS);
    again.future().await(10, TimeUnit.SECONDS);
    JsonArray packs = request(command("ListOpenPacks", null)).getJsonArray("value");
    assertEquals("new_pack_1.pack", packs.getJsonArray(0).getString(0));
    assertTrue(statuses.stream().noneMatch(s -> "session-lost".equals(s.getString("state"))), statuses.toString());
  }

  @Test
  void aSessionTheServerNoLongerHasIsReportedLost() throws Exception {
    startClient(new JsonObject());
    Promise<JsonObject> lost = Promise.promise();
    vertx.eventBus().<JsonObject>consumer("gamebus.rpfm.remote.status", m -> {
      if ("session-lost".equals(m.body().getString("state"))) {
        lost.tryComplete(m.body());
      }
    });
    // The server restarts: its sessions are gone, and the resumed id names none.
    server.rpfmServer("packs").endAllSessions().await(5, TimeUnit.SECONDS);
    JsonObject status = lost.future().await(10, TimeUnit.SECONDS);
    assertEquals(1L, status.getLong("requested"));
    assertEquals(2L, status.getLong("session"));
  }

  @Test
  void withoutAServerRequestsFailFastWithNotConnected() throws Exception {
    GamebusNode client = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmClient("remote",
      "ws://127.0.0.1:1/ws", new JsonObject()))).await(10, TimeUnit.SECONDS);
    assertEquals(503, failure(command("GetGameSelected", null)).failureCode());
    client.stop().await(5, TimeUnit.SECONDS);
  }

  @Test
  void onStopTheClientSaysClientDisconnectingAndTheServerEndsTheSession() throws Exception {
    GamebusNode client = startClient(new JsonObject());
    Promise<JsonObject> ended = Promise.promise();
    vertx.eventBus().<JsonObject>consumer("gamebus.rpfm.packs.status", m -> {
      if ("session-ended".equals(m.body().getString("state"))) {
        ended.tryComplete(m.body());
      }
    });
    client.stop().await(5, TimeUnit.SECONDS);
    assertEquals("the client sent ClientDisconnecting", ended.future().await(5, TimeUnit.SECONDS).getString("detail"));
  }

}
