package io.gamebus.bench;

import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

  /** Kept reachable: Vert.x closes the connections of a client that is garbage collected. */
  private static io.vertx.core.http.WebSocketClient bareClient;

  public static void main(String[] args) throws Exception {
    int calls = Integer.getInteger("calls", 50_000);
    int window = Integer.getInteger("window", 64);
    int rounds = Integer.getInteger("rounds", 3);
    Vertx vertx = Vertx.vertx();
    try {
      GamebusNode server = GamebusNode.start(vertx, config(new JsonObject().put("protocol", "rpfm").put("name", "packs")
        .put("role", "server").put("options", new JsonObject().put("exampleHandlers", true))
        .put("listeners", new JsonArray().add(new JsonObject().put("transport", "websocket").put("port", 0).put("path", "/ws")))))
        .await(10, TimeUnit.SECONDS);
      int port = URI.create(server.rpfmServer("packs").listening().get(0)).getPort();
      GamebusNode.start(vertx, config(new JsonObject().put("protocol", "rpfm").put("name", "remote").put("role", "client")
        .put("url", "ws://127.0.0.1:" + port + "/ws"))).await(10, TimeUnit.SECONDS);
      Thread.sleep(500); // let the client endpoint connect

      Supplier<Future<?>> reference = bareClient(vertx, port);
      JsonObject request = new JsonObject().put("command", "GetGameSelected");
      Supplier<Future<?>> gamebus = () -> vertx.eventBus().request("gamebus.rpfm.remote.request", request);

      System.out.printf("pipelined GetGameSelected round trips, %d calls per round, %d in flight, loopback%n", calls, window);
      for (int round = 1; round <= rounds; round++) {
        double ref = RoundTripRate.measure(vertx, reference, calls, window);
        double ours = RoundTripRate.measure(vertx, gamebus, calls, window);
        System.out.printf("round %d: reference (bare WebSocket client -> server role) %,.0f/s   gamebus (bus -> client role"
          + " -> server role) %,.0f/s   ratio %.2f%n", round, ref, ours, ours / ref);
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static GamebusConfig config(JsonObject endpoint) {
    return GamebusConfig.fromJson(new JsonObject().put("http", new JsonObject().put("port", 0))
      .put("endpoints", new JsonArray().add(endpoint)));
  }

  /** What the real UI does: one socket, ids counting up, answers matched by id (the socket's event loop answers, the generator's sends). */
  private static Supplier<Future<?>> bareClient(Vertx vertx, int port) throws Exception {
    Map<Long, Promise<String>> waiting = new ConcurrentHashMap<>();
    bareClient = vertx.createWebSocketClient();
    WebSocket socket = bareClient.connect(port, "127.0.0.1", "/ws").await(5, TimeUnit.SECONDS);
    socket.textMessageHandler(text -> {
      JsonObject response = new JsonObject(text);
      Promise<String> promise = waiting.remove(response.getLong("id"));
      if (promise != null) {
        promise.complete(text);
      }
    });
    AtomicLong next = new AtomicLong(1);
    return () -> {
      long id = next.getAndIncrement();
      Promise<String> promise = Promise.promise();
      waiting.put(id, promise);
      socket.writeTextMessage("{\"id\":" + id + ",\"data\":\"GetGameSelected\"}");
      return promise.future();
    };
  }
}
