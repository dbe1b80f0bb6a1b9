package io.gamebus.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The reference of the WebSocket load generators: a bare client as the protocols' own clients are
 * written (RPFM's UI, a JSON-RPC client of Red): one socket, ids counting up from 1, each reply
 * parsed and matched by its {@code id} (the socket's event loop answers, the generator's sends).
 */
final class IdMatchingClient {

  /** Kept reachable: Vert.x closes the connections of a client that is garbage collected. */
  private static final java.util.List<WebSocketClient> CLIENTS = new java.util.concurrent.CopyOnWriteArrayList<>();

  private IdMatchingClient() {
  }

  /**
   * @param request the text frame of call {@code id}
   * @return one call per {@code get()}, completing with the reply (failing on a JSON-RPC {@code error})
   */
  static Supplier<Future<?>> connect(Vertx vertx, int port, String path, LongFunction<String> request) throws Exception {
    Map<Long, Promise<JsonObject>> waiting = new ConcurrentHashMap<>();
    WebSocketClient client = vertx.createWebSocketClient();
    CLIENTS.add(client);
    WebSocket socket = client.connect(port, "127.0.0.1", path).await(5, TimeUnit.SECONDS);
    socket.textMessageHandler(text -> {
      JsonObject reply = new JsonObject(text);
      Promise<JsonObject> promise = waiting.remove(reply.getLong("id"));
      if (promise == null) {
        return;
      }
      if (reply.containsKey("error")) {
        promise.fail(reply.getJsonObject("error").encode());
      } else {
        promise.complete(reply);
      }
    });
    AtomicLong next = new AtomicLong(1);
    return () -> {
      long id = next.getAndIncrement();
      Promise<JsonObject> promise = Promise.promise();
      waiting.put(id, promise);
      socket.writeTextMessage(request.apply(id));
      return promise.future();
    };
  }
}
