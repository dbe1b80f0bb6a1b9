package io.gamebus.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A bare WebSocket client of an RPFM server, as the real UI uses one: text frames of
 * {@code {"id", "data"}}, every frame received kept in order, and the first frame (the
 * {@code SessionConnected} greeting) read by {@link #connect}.
 * <p>
 * Its handlers are set on the socket before it connects. Vert.x resumes the WebSocket that
 * {@code WebSocketClient.connect} returns once the connection is up, so a handler attached in a
 * callback of that future misses what arrived first (the greeting) whenever the callback is
 * attached after the connection is up, e.g. by a test thread descheduled on busy cores; the test
 * then waits for a greeting that never comes ({@code RpfmTestClientTest}).
 */
public final class RpfmTestClient {

  private static final java.util.Set<WebSocketClient> CONNECTING = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final WebSocketClient client;
  private final ClientWebSocket socket;
  private final Deque<JsonObject> frames = new ArrayDeque<>();
  private final Deque<Promise<JsonObject>> waiting = new ArrayDeque<>();
  private final List<JsonObject> all = new ArrayList<>();
  private final Promise<Short> closed = Promise.promise();
  private long session;

  private RpfmTestClient(WebSocketClient client) {
    // Kept: Vert.x closes the connections of a client that is garbage collected.
    this.client = client;
    this.socket = client.webSocket();
    socket.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      all.add(frame);
      Promise<JsonObject> next = waiting.poll();
      if (next != null) {
        next.complete(frame);
      } else {
        frames.add(frame);
      }
    });
    socket.closeHandler(v -> closed.tryComplete(socket.closeStatusCode()));
  }

  /** Connects to {@code /ws} (with {@code query} when not null) and reads the greeting. */
  public static Future<RpfmTestClient> connect(Vertx vertx, int port, String query) {
    RpfmTestClient c = unconnected(vertx);
    // Held strongly while connecting: Vert.x 5 closes what a garbage-collected client opened.
    CONNECTING.add(c.client);
    return c.socket.connect(connectOptions(port, query))
      .andThen(done -> CONNECTING.remove(c.client))
      .compose(ws -> c.next().map(greeting -> {
        c.session = greeting.getJsonObject("data").getLong("SessionConnected");
        return c;
      }));
  }

  /** A client with its handlers in place and its socket not yet connected (see the class comment). */
  static RpfmTestClient unconnected(Vertx vertx) {
    return new RpfmTestClient(vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(256 * 1024 * 1024)
      .setMaxFrameSize(256 * 1024 * 1024)));
  }

  static WebSocketConnectOptions connectOptions(int port, String query) {
    String uri = "/ws" + (query == null ? "" : "?" + query);
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
  }

  public long session() { return session; }
  public ClientWebSocket socket() { return socket; }
  /** Every frame received, greeting included. */
  public List<JsonObject> received() { return all; }
  /** The close status code, once the server closed. */
  public Future<Short> closed() { return closed.future(); }

  /** The next frame received. */
  public Future<JsonObject> next() {
    JsonObject frame = frames.poll();
    if (frame != null) {
      return Future.succeededFuture(frame);
    }
    Promise<JsonObject> promise = Promise.promise();
    waiting.add(promise);
    return promise.future();
  }

  /**
   * Reads frames until {@code count} distinct ids have been answered, handing each to {@code check}
   * (which may throw); fails on an id answered twice. Completes with the ids in arrival order.
   */
  public Future<List<Long>> answers(int count, java.util.function.Consumer<JsonObject> check) {
    Promise<List<Long>> done = Promise.promise();
    List<Long> ids = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    java.util.function.Predicate<JsonObject> take = frame -> {
      try {
        check.accept(frame);
        long id = frame.getLong("id");
        if (!seen.add(id)) {
          throw new AssertionError("answered twice: " + frame.encode());
        }
        ids.add(id);
      } catch (Throwable e) {
        done.tryFail(e);
        return false;
      }
      if (ids.size() == count) {
        done.tryComplete(ids);
        return false;
      }
      return true;
    };
    Runnable[] read = new Runnable[1];
    read[0] = () -> {
      // Frames already here are taken in a loop, not by recursion: thousands queued must not overflow the stack.
      for (JsonObject queued; (queued = frames.poll()) != null; ) {
        if (!take.test(queued)) {
          return;
        }
      }
      next().onSuccess(frame -> {
        if (take.test(frame)) {
          read[0].run();
        }
      });
    };
    read[0].run();
    return done.future();
  }

  /** Sends {@code {"id": id, "data": data}} and returns the next frame (the answer when nothing else is pending). */
  public Future<JsonObject> call(long id, Object data) {
    sendText(new JsonObject().put("id", id).put("data", data).encode());
    return next();
  }

  public RpfmTestClient sendText(String text) {
    socket.writeTextMessage(text);
    return this;
  }

  public Future<Void> close() {
    return socket.close();
  }
}
