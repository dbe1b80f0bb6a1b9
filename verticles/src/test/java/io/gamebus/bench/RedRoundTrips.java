package io.gamebus.bench;

import io.gamebus.codecs.red.RedSignature;
import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.red.RedMethods;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * {@code window} in flight (default 64), {@code rounds} (default 3).
 */
public final class RedRoundTrips {

  private static final String METHOD = "BENCH__PING";

  /** Kept reachable: Vert.x closes the connections of a client that is garbage collected. */
  private static io.vertx.core.http.WebSocketClient bareClient;

  public static void main(String[] args) throws Exception {
    int calls = Integer.getInteger("calls", 50_000);
    int window = Integer.getInteger("window", 64);
    int rounds = Integer.getInteger("rounds", 3);
    Vertx vertx = Vertx.vertx();
    try {
      GamebusNode server = GamebusNode.start(vertx, config(new JsonObject().put("protocol", "red").put("name", "rpc")
        .put("role", "server").put("listeners", new JsonArray().add(new JsonObject().put("transport", "websocket")
          .put("host", "127.0.0.1").put("port", 0).put("path", "/"))))).await(10, TimeUnit.SECONDS);
      int port = java.net.URI.create(server.redServer("rpc").listening().get(0)).getPort();
      RedMethods.register(vertx, "rpc", METHOD, RedSignature.none(),
        call -> Future.succeededFuture(new JsonObject().put("result", "pong"))).await(10, TimeUnit.SECONDS);

      Promise<Void> connected = Promise.promise();
      vertx.eventBus().<JsonObject>consumer("gamebus.red.bot.status", m -> {
        if ("connected".equals(m.body().getString("state"))) {
          connected.tryComplete();
        }
      });
      GamebusNode.start(vertx, config(new JsonObject().put("protocol", "red").put("name", "bot").put("role", "client")
        .put("url", "ws://127.0.0.1:" + port + "/"))).await(10, TimeUnit.SECONDS);
      connected.future().await(10, TimeUnit.SECONDS);

      Supplier<Future<?>> reference = bareClient(vertx, port);
      JsonObject request = new JsonObject().put("method", METHOD);
      Supplier<Future<?>> gamebus = () -> vertx.eventBus().request("gamebus.red.bot.request", request);
      // Both paths must really work before they are timed.
      System.out.println("reference answers " + reference.get().await(5, TimeUnit.SECONDS));
      System.out.println("gamebus answers " + gamebus.get().await(5, TimeUnit.SECONDS));

      System.out.printf("pipelined %s round trips, %d calls per round, %d in flight, loopback%n", METHOD, calls, window);
      for (int round = 1; round <= rounds; round++) {
        double ref = RoundTripRate.measure(vertx, reference, calls, window);
        double ours = RoundTripRate.measure(vertx, gamebus, calls, window);
        System.out.printf("round %d: reference (bare WebSocket JSON-RPC client -> server role) %,.0f/s   gamebus (bus"
          + " -> client role -> server role) %,.0f/s   ratio %.2f%n", round, ref, ours, ours / ref);
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static GamebusConfig config(JsonObject endpoint) {
    return GamebusConfig.fromJson(new JsonObject().put("http", new JsonObject().put("port", 0))
      .put("endpoints", new JsonArray().add(endpoint)));
  }

  /**
   * A JSON-RPC 2.0 client as users write one against Red: one socket, ids counting up, each reply
   * parsed and matched by id (the socket's event loop answers, the generator's sends).
   */
  private static Supplier<Future<?>> bareClient(Vertx vertx, int port) throws Exception {
    Map<Long, Promise<Object>> waiting = new ConcurrentHashMap<>();
    bareClient = vertx.createWebSocketClient();
    WebSocket socket = bareClient.connect(port, "127.0.0.1", "/").await(5, TimeUnit.SECONDS);
    socket.textMessageHandler(text -> {
      JsonObject reply = new JsonObject(text);
      Promise<Object> promise = waiting.remove(reply.getLong("id"));
      if (promise == null) {
        return;
      }
      if (reply.containsKey("error")) {
        promise.fail(reply.getJsonObject("error").encode());
      } else {
        promise.complete(reply.getValue("result"));
      }
    });
    AtomicLong next = new AtomicLong(1);
    return () -> {
      long id = next.getAndIncrement();
      Promise<Object> promise = Promise.promise();
      waiting.put(id, promise);
      socket.writeTextMessage("{\"jsonrpc\": \"2.0\", \"method\": \"" + METHOD + "\", \"id\": " + id + "}");
      return promise.future();
    };
  }
}
