package io.gamebus.rpfm;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.RpfmTestClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real UI's {@code /version} probe, {@code /sessions}, and sessions across reconnects. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class RpfmServerSessionsTest {

  /** Exactly what rpfm_ui writes to decide whether to reuse or kill the server on the port. */
  static final String UI_PROBE = "GET /version HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAccept: application/json\r\n\r\n";

  GamebusNode node;
  int port;
  /** Kept for the test's length: Vert.x closes the connections of a client that is garbage collected. */
  io.vertx.core.http.HttpClient http;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmServer("packs",
      new JsonObject().put("sessionGraceSeconds", 1)))).await(10, TimeUnit.SECONDS);
    port = RpfmServerWireTest.port(node, "packs");
    http = vertx.createHttpClient();
  }

  io.vertx.core.net.NetClient raw;

  @Test
  void theUisVersionProbeGetsAPlainBodyAndTheConnectionCloses(Vertx vertx, VertxTestContext test) {
    Buffer response = Buffer.buffer();
    raw = vertx.createNetClient(); // kept in a field: Vert.x 5 closes what a garbage-collected client opened
    raw.connect(port, "127.0.0.1").onComplete(test.succeeding(socket -> {
      socket.handler(response::appendBuffer);
      // The UI reads until EOF: the server must close, or the UI waits for its 500 ms timeout.
      socket.closeHandler(v -> test.verify(() -> {
        String text = response.toString();
        int split = text.indexOf("\r\n\r\n");
        String head = text.substring(0, split).toLowerCase();
        JsonObject body = new JsonObject(text.substring(split + 4).trim());
        assertTrue(head.startsWith("http/1.1 200"), head);
        assertTrue(head.contains("content-length: "), head);
        assertFalse(head.contains("chunked"), "the UI's parser reads no chunked body");
        assertEquals("5.0.6", body.getString("version"));
        assertEquals(ProcessHandle.current().pid(), body.getLong("pid"));
        test.completeNow();
      }));
      socket.write(UI_PROBE);
    }));
  }

  @Test
  void sessionsListsTheRealFieldsWithTheOpenPacks(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, null)
      .compose(c -> c.call(1, "NewPack"))
      .compose(created -> sessions(vertx))
      .onComplete(test.succeeding(list -> test.verify(() -> {
        assertEquals(new JsonArray().add(new JsonObject().put("session_id", 1).put("connection_count", 1)
          .putNull("timeout_remaining_secs").put("is_shutting_down", false)
          .put("pack_names", new JsonArray().add("new_pack_1.pack"))), list);
        test.completeNow();
      })));
  }

  @Test
  void aSessionResumedAfterADropKeepsItsPacks(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, null)
      .compose(c -> c.call(1, "NewPack").compose(created -> c.close()).map(v -> c.session()))
      .compose(session -> sessions(vertx).compose(list -> {
        test.verify(() -> {
          JsonObject info = list.getJsonObject(0);
          assertEquals(0, info.getInteger("connection_count"));
          long left = info.getLong("timeout_remaining_secs");
          assertTrue(left >= 0 && left <= 1, "counting down from sessionGraceSeconds: " + left);
        });
        return RpfmTestClient.connect(vertx, port, "session_id=" + session);
      }))
      .compose(again -> again.call(2, "ListOpenPacks").map(list -> again.session() + " " + list.encode()))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertTrue(result.startsWith("1 {\"id\":2,\"data\":{\"VecStringContainerInfo\":[[\"new_pack_1.pack\""), result);
        test.completeNow();
      })));
  }

  @Test
  void anUnknownSessionIdSilentlyGetsANewSession(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, "session_id=99").onComplete(test.succeeding(c -> test.verify(() -> {
      assertEquals(1, c.session());
      test.completeNow();
    })));
  }

  @Test
  void aSessionIdThatIsNotANumberIsRefusedBeforeTheUpgrade(Vertx vertx, VertxTestContext test) {
    http.request(HttpMethod.GET, port, "127.0.0.1", "/ws?session_id=abc")
      .compose(request -> request.putHeader("Upgrade", "websocket").putHeader("Connection", "Upgrade")
        .putHeader("Sec-WebSocket-Version", "13").putHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").send())
      .onComplete(test.succeeding(response -> test.verify(() -> {
        assertEquals(400, response.statusCode(), "as axum's query extractor answers");
        test.completeNow();
      })));
  }

  @Test
  void aSessionWithoutConnectionsEndsAfterTheGracePeriod(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().<JsonObject>consumer("gamebus.rpfm.packs.status", m -> {
      if ("session-ended".equals(m.body().getString("state"))) {
        sessions(vertx).compose(list -> RpfmTestClient.connect(vertx, port, "session_id=1")
            .map(again -> list.encode() + " " + again.session()))
          .onComplete(test.succeeding(result -> test.verify(() -> {
            assertEquals("[] 2", result, "gone from /sessions, and a resume gets a new session");
            test.completeNow();
          })));
      }
    });
    RpfmTestClient.connect(vertx, port, null).onComplete(test.succeeding(RpfmTestClient::close));
  }

  @Test
  void aHostThatIsNotTheListenersOwnIsRefused(Vertx vertx, VertxTestContext test) {
    http.request(HttpMethod.GET, port, "127.0.0.1", "/sessions")
      .compose(request -> request.putHeader("Host", "evil.example:" + port).send())
      .onComplete(test.succeeding(response -> test.verify(() -> {
        assertEquals(403, response.statusCode(), "DNS rebinding");
        assertNull(response.getHeader("Access-Control-Allow-Origin"));
        test.completeNow();
      })));
  }

  private Future<JsonArray> sessions(Vertx vertx) {
    return http.request(HttpMethod.GET, port, "127.0.0.1", "/sessions")
      .compose(request -> request.send().compose(response -> response.body()))
      .map(body -> new JsonArray(body.toString()));
  }
}
