package io.gamebus.bench;

import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.config.GamebusConfig;
import io.gamebus.config.LimitsConfig;
import io.gamebus.dfhack.DfhackClientConnection;
import io.gamebus.endpoint.Timers;
import io.gamebus.endpoint.UpstreamConnector;
import io.gamebus.launcher.GamebusNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Load generator (not a unit test): round trips per second of pipelined {@code GetVersion} calls
 * over loopback. Measured side by side in one run:
 * <ol>
 *   <li>reference: a bare {@link DfhackClientConnection} straight to the server role;</li>
 *   <li>gamebus end to end: bus request → client-role endpoint → TCP → server-role endpoint → back.</li>
 * </ol>
 * Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -pl verticles -Pbench test-compile exec:exec}.
 * Bounded: {@code calls} per round (default 50,000), {@code window} in flight (default 64).
 */
public final class DfhackRoundTrips {

  public static void main(String[] args) throws Exception {
    int calls = Integer.getInteger("calls", 50_000);
    int window = Integer.getInteger("window", 64);
    int rounds = Integer.getInteger("rounds", 3);
    Vertx vertx = Vertx.vertx();
    try {
      GamebusNode server = GamebusNode.start(vertx, GamebusConfig.fromJson(new JsonObject()
        .put("http", new JsonObject().put("port", 0))
        .put("endpoints", new JsonArray().add(new JsonObject().put("protocol", "dfhack").put("name", "fortress")
          .put("role", "server").put("listeners", new JsonArray().add(new JsonObject().put("transport", "tcp").put("port", 0)))))))
        .await(10, TimeUnit.SECONDS);
      int port = URI.create(server.dfhackServer("fortress").listening().get(0)).getPort();
      GamebusNode.start(vertx, GamebusConfig.fromJson(new JsonObject()
        .put("http", new JsonObject().put("port", 0))
        .put("endpoints", new JsonArray().add(new JsonObject().put("protocol", "dfhack").put("name", "remote")
          .put("role", "client").put("url", "tcp://127.0.0.1:" + port))))).await(10, TimeUnit.SECONDS);
      Thread.sleep(500); // let the client endpoint connect

      UpstreamConnector net = UpstreamConnector.of(vertx, "tcp://127.0.0.1:" + port, LimitsConfig.defaults(), 0);
      DfhackClientConnection direct = DfhackClientConnection.open(net, RpcCodes.MAX_PAYLOAD, t -> { }, Timers.of(vertx),
        DfhackClientConnection.DEFAULT_HANDSHAKE_TIMEOUT_MS).await(5, TimeUnit.SECONDS);
      Buffer empty = Buffer.buffer();
      Supplier<Future<?>> reference = () -> direct.call(CoreMethods.GET_VERSION, empty);
      JsonObject request = new JsonObject().put("method", "GetVersion");
      Supplier<Future<?>> gamebus = () -> vertx.eventBus().request("gamebus.dfhack.remote.request", request);

      System.out.printf("pipelined GetVersion round trips, %d calls per round, %d in flight, loopback%n", calls, window);
      for (int round = 1; round <= rounds; round++) {
        double ref = RoundTripRate.measure(vertx, reference, calls, window);
        double ours = RoundTripRate.measure(vertx, gamebus, calls, window);
        System.out.printf("round %d: reference (bare connection) %,.0f/s   gamebus (bus -> client role -> server role) %,.0f/s   ratio %.2f%n",
          round, ref, ours, ours / ref);
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
