package io.gamebus.bench;

import io.gamebus.codecs.red.RedSignature;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.red.RedMethods;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Load generator (not a unit test): round trips per second of pipelined JSON-RPC calls of one
 * method ({@code BENCH__PING}, no params, result {@code "pong"}) over loopback, answered by a bus
 * handler registered with a Red server-role endpoint. Side by side in one run:
 * <ol>
 *   <li>reference: a bare Vert.x WebSocket JSON-RPC client straight to the server role, ids
 *       counting up and answers matched by id, as a JSON-RPC 2.0 client of Red does;</li>
 *   <li>gamebus end to end: bus request → Red client-role endpoint → WebSocket → Red server-role
 *       endpoint → bus handler → back.</li>
 * </ol>
 * Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -pl verticles -Pbench test-compile exec:exec
 * -Dbench.main=io.gamebus.bench.RedRoundTrips}. Bounded: {@code calls} per round (default 50,000),
 * {@code window} in flight (default 64), {@code rounds} (default 3); {@code -Dmetrics=false} builds
 * Vert.x without metrics (default on, as {@code Main} runs), to measure what they cost.
 */
public final class RedRoundTrips {

  private static final String METHOD = "BENCH__PING";

  public static void main(String[] args) throws Exception {
    int calls = Integer.getInteger("calls", 50_000);
    int window = Integer.getInteger("window", 64);
    int rounds = Integer.getInteger("rounds", 3);
    Vertx vertx = RoundTripRate.vertx();
    System.out.println("metrics " + (RoundTripRate.METRICS ? "on" : "off (-Dmetrics=false)"));
    try {
      GamebusNode server = GamebusNode.start(vertx, RoundTripRate.node(new JsonObject().put("protocol", "red").put("name", "rpc")
        .put("role", "server").put("listeners", new JsonArray().add(new JsonObject().put("transport", "websocket")
          .put("host", "127.0.0.1").put("port", 0).put("path", "/"))))).await(10, TimeUnit.SECONDS);
      int port = java.net.URI.create(server.redServer("rpc").listening().get(0)).getPort();
      RedMethods.register(vertx, "rpc", METHOD, RedSignature.none(),
        call -> Future.succeededFuture(new JsonObject().put("result", "pong"))).await(10, TimeUnit.SECONDS);

      Future<Void> connected = RoundTripRate.connected(vertx, "gamebus.red.bot.status");
      GamebusNode.start(vertx, RoundTripRate.node(new JsonObject().put("protocol", "red").put("name", "bot").put("role", "client")
        .put("url", "ws://127.0.0.1:" + port + "/"))).await(10, TimeUnit.SECONDS);
      connected.await(10, TimeUnit.SECONDS);

      Supplier<Future<?>> reference = IdMatchingClient.connect(vertx, port, "/",
        id -> "{\"jsonrpc\": \"2.0\", \"method\": \"" + METHOD + "\", \"id\": " + id + "}");
      JsonObject request = new JsonObject().put("method", METHOD);
      Supplier<Future<?>> gamebus = () -> vertx.eventBus().request("gamebus.red.bot.request", request).map(m -> m.body());
      RoundTripRate.compare(vertx, METHOD, "bare WebSocket JSON-RPC client -> server role", reference, gamebus,
        calls, window, rounds);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
