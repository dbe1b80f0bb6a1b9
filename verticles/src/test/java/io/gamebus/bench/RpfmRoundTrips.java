package io.gamebus.bench;

import io.gamebus.launcher.GamebusNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Load generator (not a unit test): round trips per second of pipelined {@code GetGameSelected}
 * commands over loopback, answered by the example handler of a server-role endpoint. Side by side
 * in one run:
 * <ol>
 *   <li>reference: a bare Vert.x WebSocket client straight to the server role, matching answers by
 *       id as the real UI does;</li>
 *   <li>gamebus end to end: bus request → client-role endpoint → WebSocket → server-role endpoint
 *       → bus handler → back.</li>
 * </ol>
 * Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -pl verticles -Pbench test-compile exec:exec
 * -Dbench.main=io.gamebus.bench.RpfmRoundTrips}. Bounded: {@code calls} per round (default 50,000),
 * {@code window} in flight (default 64), {@code rounds} (default 3).
 */
public final class RpfmRoundTrips {

  public static void main(String[] args) throws Exception {
    int calls = Integer.getInteger("calls", 50_000);
    int window = Integer.getInteger("window", 64);
    int rounds = Integer.getInteger("rounds", 3);
    Vertx vertx = Vertx.vertx();
    try {
      GamebusNode server = GamebusNode.start(vertx, RoundTripRate.node(new JsonObject().put("protocol", "rpfm").put("name", "packs")
        .put("role", "server").put("options", new JsonObject().put("exampleHandlers", true))
        .put("listeners", new JsonArray().add(new JsonObject().put("transport", "websocket").put("port", 0).put("path", "/ws")))))
        .await(10, TimeUnit.SECONDS);
      int port = URI.create(server.rpfmServer("packs").listening().get(0)).getPort();
      Future<Void> connected = RoundTripRate.connected(vertx, "gamebus.rpfm.remote.status");
      GamebusNode.start(vertx, RoundTripRate.node(new JsonObject().put("protocol", "rpfm").put("name", "remote").put("role", "client")
        .put("url", "ws://127.0.0.1:" + port + "/ws"))).await(10, TimeUnit.SECONDS);
      connected.await(10, TimeUnit.SECONDS);

      Supplier<Future<?>> reference = IdMatchingClient.connect(vertx, port, "/ws",
        id -> "{\"id\":" + id + ",\"data\":\"GetGameSelected\"}");
      JsonObject request = new JsonObject().put("command", "GetGameSelected");
      Supplier<Future<?>> gamebus = () -> vertx.eventBus().request("gamebus.rpfm.remote.request", request).map(m -> m.body());
      RoundTripRate.compare(vertx, "GetGameSelected", "bare WebSocket client -> server role", reference, gamebus,
        calls, window, rounds);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
