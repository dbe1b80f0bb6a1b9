package io.gamebus.bridge;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bridge client for tests, driven from the test thread: the bridge frames it receives (raw, or
 * unwrapped from SockJS's {@code a[…]}), SockJS's {@code c[status,reason]}, and the WebSocket close.
 */
final class BridgeWs {

  private static final AtomicInteger SYNCS = new AtomicInteger();

  final WebSocket ws;
  private final boolean sockJs;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  /** SockJS's close frame, {@code [status, reason]}, once it came. */
  volatile JsonArray sockJsClose;
  /** Completes with the WebSocket close status and reason (null status: no close frame). */
  final CompletableFuture<Object[]> closed = new CompletableFuture<>();

  private BridgeWs(WebSocket ws, boolean sockJs) {
    this.ws = ws;
    this.sockJs = sockJs;
    ws.textMessageHandler(this::received);
    ws.exceptionHandler(e -> { /* the close handler reports the end */ });
    ws.closeHandler(v -> closed.complete(new Object[] {ws.closeStatusCode(), ws.closeReason()}));
  }

  static BridgeWs raw(WebSocketClient client, int port) throws Exception {
    return new BridgeWs(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
      .setURI("/eventbus/websocket")).await(5, TimeUnit.SECONDS), false);
  }

  static BridgeWs sockJs(WebSocketClient client, int port) throws Exception {
    String session = UUID.randomUUID().toString().replace("-", "");
    return new BridgeWs(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
      .setURI("/eventbus/000/" + session + "/websocket")).await(5, TimeUnit.SECONDS), true);
  }

  private void received(String text) {
    if (!sockJs) {
      frames.add(new JsonObject(text));
    } else if (text.startsWith("a")) {
      new JsonArray(text.substring(1)).forEach(frame -> frames.add(new JsonObject((String) frame)));
    } else if (text.startsWith("c")) {
      sockJsClose = new JsonArray(text.substring(1));
    }
  }

  void send(JsonObject frame) {
    ws.writeTextMessage(sockJs ? new JsonArray().add(frame.encode()).encode() : frame.encode());
  }

  void register(String address) {
    send(new JsonObject().put("type", "register").put("address", address));
  }

  void register(String address, JsonObject headers) {
    send(new JsonObject().put("type", "register").put("address", address).put("headers", headers));
  }

  /**
   * Waits until the bridge has handled every frame sent before (it answers an unknown frame type
   * with an err, in order); returns the frames that came before that err.
   */
  List<JsonObject> sync() throws InterruptedException {
    String marker = "test.sync-" + SYNCS.incrementAndGet();
    send(new JsonObject().put("type", "sync").put("address", marker));
    List<JsonObject> before = new ArrayList<>();
    for (;;) {
      JsonObject frame = next(10_000);
      if ("err".equals(frame.getString("type")) && "invalid_type".equals(frame.getString("body"))) {
        return before;
      }
      before.add(frame);
    }
  }

  /** The next frame; fails after {@code timeoutMs}. */
  JsonObject next(long timeoutMs) throws InterruptedException {
    JsonObject frame = frames.poll(timeoutMs, TimeUnit.MILLISECONDS);
    if (frame == null) {
      throw new AssertionError("no frame within " + timeoutMs + " ms");
    }
    return frame;
  }

  /** A frame if one is there now, else null. */
  JsonObject poll() {
    return frames.poll();
  }

  /** The next frame within {@code timeoutMs}, else null. */
  JsonObject poll(long timeoutMs) throws InterruptedException {
    return frames.poll(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** The seq of the envelope in a rec frame. */
  static long seq(JsonObject rec) {
    return rec.getJsonObject("body").getLong("seq");
  }

  /** The close status and reason, waiting at most {@code timeoutMs}. */
  Object[] awaitClose(long timeoutMs) throws Exception {
    return closed.get(timeoutMs, TimeUnit.MILLISECONDS);
  }
}
