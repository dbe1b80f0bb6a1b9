package io.gamebus.bridge;

import io.gamebus.config.BridgeConfig;
import io.gamebus.config.HttpConfig;
import io.gamebus.endpoint.EndpointRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    BridgeConfig bridge = BridgeConfig.fromJson(new JsonObject().put("maxConnections", 3).put("idleTimeoutSeconds", 1));
    HttpConfig http = HttpConfig.fromJson(new JsonObject().put("port", 0));
    ConsoleServer console = new ConsoleServer(http, bridge, new EndpointRegistry(vertx, "gamebus", "n1"));
    vertx.eventBus().<JsonObject>consumer("gamebus.bridge.console.status", m -> {
      if ("connection-refused".equals(m.body().getString("state"))) {
        refused.tryComplete(m.body().getString("detail"));
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
}
