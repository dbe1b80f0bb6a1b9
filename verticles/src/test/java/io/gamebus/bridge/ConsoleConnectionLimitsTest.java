package io.gamebus.bridge;

import io.gamebus.config.BridgeConfig;
import io.gamebus.config.HttpConfig;
import io.gamebus.endpoint.EndpointRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's port holds at most {@code bridge.maxConnections} TCP connections, counted from
 * accept, and closes one that stays silent for {@code bridge.idleTimeoutSeconds} (issue "Hostile
 * peers and faults": unfinished upgrades on the console port were held for ever, uncounted).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ConsoleConnectionLimitsTest {

  private int port;
  private NetClient tcp;
  private final io.vertx.core.Promise<String> refused = io.vertx.core.Promise.promise();
  private final java.util.concurrent.BlockingQueue<String> closedSockets = new java.util.concurrent.LinkedBlockingQueue<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    // pingTimeoutMs far off: here only the idle timeout closes a bridge socket.
    BridgeConfig bridge = BridgeConfig.fromJson(new JsonObject().put("maxConnections", 3).put("idleTimeoutSeconds", 1)
      .put("pingTimeoutMs", 600_000));
    HttpConfig http = HttpConfig.fromJson(new JsonObject().put("port", 0));
    ConsoleServer console = new ConsoleServer(http, bridge, new EndpointRegistry(vertx, "gamebus", "n1"));
    vertx.eventBus().<JsonObject>consumer("gamebus.bridge.console.status", m -> {
      if ("connection-refused".equals(m.body().getString("state"))) {
        refused.tryComplete(m.body().getString("detail"));
      } else if ("connection-closed".equals(m.body().getString("state"))) {
        closedSockets.add(m.body().getString("connection"));
      }
    });
    vertx.deployVerticle(console).await(10, TimeUnit.SECONDS);
    port = console.actualPort();
    tcp = vertx.createNetClient();
  }

  private Future<NetSocket> connect() {
    return tcp.connect(port, "127.0.0.1");
  }

  @Test
  void unfinishedUpgradesOnTheConsolePortAreCountedAndTheOnePastTheLimitIsClosedAtAccept(Vertx vertx, VertxTestContext test) {
    List<NetSocket> held = new ArrayList<>();
    Future.all(connect(), connect(), connect()).compose(all -> {
      for (int i = 0; i < 3; i++) {
        held.add(all.resultAt(i));
      }
      return connect();
    }).onComplete(test.succeeding(fourth -> {
      held.forEach(socket -> socket.closeHandler(x -> test.failNow("a connection within the limit was closed first")));
      fourth.closeHandler(v -> refused.future().onComplete(test.succeeding(detail -> test.verify(() -> {
        assertTrue(detail.contains("bridge.maxConnections (3) reached"), detail);
        held.forEach(socket -> socket.closeHandler(null));
        test.completeNow();
      }))));
    }));
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout(VertxTestContext test) {
    connect().onComplete(test.succeeding(socket -> socket.closeHandler(v -> test.completeNow())));
  }

  /**
   * On a bridge WebSocket the idle timeout watches what the browser sends: one that only receives
   * (a steady stream here) and never pings is closed by it, one that pings stays. Watching both
   * directions cost a promise and a listener per message per browser, and kept the silent one open
   * until {@code pingTimeoutMs} (far off here). No step is timed: the stream (every 50 ms) and the
   * pings (every 300 ms) only have to come more often than the 1 s timeout; the awaits guard against a hang.
   */
  @Test
  void aBridgeWebSocketThatOnlyReceivesIsClosedAfterTheIdleTimeoutOneThatPingsStays(Vertx vertx) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions bridge = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
      .setURI("/eventbus/websocket");
    String register = "{\"type\":\"register\",\"address\":\"gamebus.faf.lobby.in\"}";
    WebSocket silent = client.connect(bridge).await(5, TimeUnit.SECONDS);
    WebSocket pinging = client.connect(bridge).await(5, TimeUnit.SECONDS);
    java.util.concurrent.atomic.AtomicInteger silentGot = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger pingingGot = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger pingingTarget = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
    io.vertx.core.Promise<String> silentClosed = io.vertx.core.Promise.promise();
    io.vertx.core.Promise<Void> pingingOutlived = io.vertx.core.Promise.promise();
    silent.textMessageHandler(m -> silentGot.incrementAndGet());
    silent.closeHandler(v -> silentClosed.tryComplete(silent.closeStatusCode() + " " + silent.closeReason()));
    pinging.textMessageHandler(m -> {
      if (pingingGot.incrementAndGet() >= pingingTarget.get()) {
        pingingOutlived.tryComplete();
      }
    });
    pinging.closeHandler(v -> pingingOutlived.tryFail("the pinging socket was closed"));
    silent.writeTextMessage(register).await(5, TimeUnit.SECONDS);
    pinging.writeTextMessage(register).await(5, TimeUnit.SECONDS);
    long publisher = vertx.setPeriodic(50, t -> vertx.eventBus().publish("gamebus.faf.lobby.in", new JsonObject().put("n", t)));
    long pinger = vertx.setPeriodic(300, t -> pinging.writeTextMessage("{\"type\":\"ping\"}"));
    try {
      assertEquals("1008 nothing heard for 1 s (bridge.idleTimeoutSeconds)", silentClosed.future().await(15, TimeUnit.SECONDS),
        "closed with a status and a reason the browser sees, not ended without a word");
      assertTrue(silentGot.get() > 0, "the silent socket received messages before it was closed");
      // 40 more publications take twice the idle timeout: the pinging socket outlives it, receiving.
      pingingTarget.set(pingingGot.get() + 40);
      pingingOutlived.future().await(15, TimeUnit.SECONDS);
      assertFalse(pinging.isClosed(), "the pinging socket stays open");
    } finally {
      vertx.cancelTimer(publisher);
      vertx.cancelTimer(pinger);
    }
  }

  /**
   * Vert.x replaces an upgraded connection's handler, so the connection's own close handler never
   * runs: every bridge WebSocket that ever connected stayed counted, and after maxConnections of
   * them (page reloads, reconnects) the console refused everyone.
   */
  @Test
  void closedBridgeWebSocketsStopCountingAgainstMaxConnections(Vertx vertx) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions bridge = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
      .setURI("/eventbus/websocket");
    for (int i = 0; i < 5; i++) {
      WebSocket ws = client.connect(bridge).await(5, TimeUnit.SECONDS);
      ws.close().await(5, TimeUnit.SECONDS);
      assertNotNull(closedSockets.poll(5, TimeUnit.SECONDS), "socket " + i + " closed on the server");
    }
    assertFalse(refused.future().isComplete(), "refused: " + refused.future().result());
  }
}
