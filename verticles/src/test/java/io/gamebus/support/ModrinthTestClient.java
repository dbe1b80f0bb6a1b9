package io.gamebus.support;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

/**
 * A bare client of a Modrinth server-role endpoint, doing by hand what the official client does:
 * {@code GET …/ws} for {@code {url, token}}, the socket at that url, {@code auth} as the first
 * text frame. Keep the instance for the test's life: it owns the HTTP and WebSocket clients, and
 * Vert.x closes the connections of a client that is garbage collected.
 */
public final class ModrinthTestClient {

  /** One REST answer. */
  public record Reply(int status, String contentType, Buffer body) {
    public JsonObject json() {
      if (body.length() == 0) {
        // A body that never came: say everything we know.
        throw new AssertionError("empty body with status " + status + ", content type " + contentType);
      }
      return new JsonObject(body);
    }
  }

  /** The token endpoint's {@code {url, token}}. */
  public record Grant(String url, String token) {
  }

  private final int port;
  private final io.vertx.core.Context context;
  private final HttpClient http;
  private final WebSocketClient webSockets;

  public ModrinthTestClient(Vertx vertx, int port) {
    this.port = port;
    this.context = vertx.getOrCreateContext();
    this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
      .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(16 * 1024 * 1024));
  }

  /** {@code GET /modrinth/v0/servers/{id}/ws}; {@code bearer} null sends no Authorization. */
  public Future<Reply> tokenRequest(String serverId, String bearer) {
    return call(HttpMethod.GET, "/modrinth/v0/servers/" + serverId + "/ws", bearer, null);
  }

  /** {@code POST /modrinth/v0/servers/{id}/power} with that body. */
  public Future<Reply> power(String serverId, String bearer, Buffer body) {
    return call(HttpMethod.POST, "/modrinth/v0/servers/" + serverId + "/power", bearer, body);
  }

  public Future<Reply> call(HttpMethod method, String uri, String bearer, Buffer body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (bearer != null) {
      headers.add("Authorization", "Bearer " + bearer);
    }
    if (body != null) {
      headers.add("Content-Type", "application/json");
    }
    return onContext(() -> http.request(new RequestOptions().setMethod(method).setURI(uri).setHeaders(headers))
      .compose(request -> body == null ? request.send() : request.send(body))
      .compose(response -> response.body().map(b -> new Reply(response.statusCode(),
        response.getHeader("Content-Type"), b))));
  }

  /**
   * Builds a request chain on the client's event loop. Built from the test thread, a step could run
   * there after the event loop had already delivered the response's body, and {@code body()} then
   * gave an empty buffer: a 200 "without its body", seen twice in full runs.
   */
  private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> chain) {
    io.vertx.core.Promise<T> done = io.vertx.core.Promise.promise();
    context.runOnContext(v -> chain.get().onComplete(done));
    return done.future();
  }

  /** {@code GET /modrinth/v0/servers/{id}/ws} as if addressed to {@code host} (the Host header). */
  public Future<Reply> tokenRequestTo(String host, String serverId, String bearer) {
    return onContext(() -> http.request(new RequestOptions().setMethod(HttpMethod.GET)
        .setURI("/modrinth/v0/servers/" + serverId + "/ws").addHeader("Authorization", "Bearer " + bearer))
      .compose(request -> request.authority(HostAndPort.create(host, port)).send())
      .compose(response -> response.body().map(b -> new Reply(response.statusCode(),
        response.getHeader("Content-Type"), b))));
  }

  /** The token endpoint's answer; fails unless it is 200. */
  public Future<Grant> grant(String serverId, String bearer) {
    return tokenRequest(serverId, bearer).compose(reply -> reply.status() == 200
      ? Future.succeededFuture(new Grant(reply.json().getString("url"), reply.json().getString("token")))
      : Future.failedFuture("token endpoint answered " + reply.status() + " " + reply.body()));
  }

  /** Opens the socket at an absolute {@code ws://} url (as handed out by the token endpoint). */
  public Future<Socket> open(String url) {
    return webSockets.connect(new WebSocketConnectOptions().setAbsoluteURI(url)).map(Socket::new);
  }

  /** Opens {@code /ws?server=<id>} on this port, without asking the token endpoint. */
  public Future<Socket> openFor(String serverId) {
    return open("ws://127.0.0.1:" + port + "/ws?server=" + serverId);
  }

  /** The HTTP status an upgrade to that url is refused with; fails if it is accepted. */
  public Future<Integer> refusedUpgrade(String url) {
    return refusedUpgrade(new WebSocketConnectOptions().setAbsoluteURI(url));
  }

  /** {@link #refusedUpgrade(String)} as a page of that {@code Origin} would ask. */
  public Future<Integer> refusedUpgrade(String url, String origin) {
    return refusedUpgrade(new WebSocketConnectOptions().setAbsoluteURI(url).addHeader("Origin", origin));
  }

  private Future<Integer> refusedUpgrade(WebSocketConnectOptions options) {
    String url = options.getURI();
    return webSockets.connect(options).transform(done -> {
      if (done.succeeded()) {
        done.result().close();
        return Future.failedFuture("the upgrade to " + url + " was accepted");
      }
      return done.cause() instanceof UpgradeRejectedException rejected ? Future.succeededFuture(rejected.getStatus())
        : Future.failedFuture(done.cause());
    });
  }

  /** Token, socket and {@code auth} as the official client does them; completes once auth-ok arrived. */
  public Future<Socket> authenticated(String serverId, String bearer) {
    return grant(serverId, bearer).compose(grant -> open(grant.url())
      .compose(socket -> socket.auth(grant.token()).compose(answer -> "auth-ok".equals(answer.getString("event"))
        ? Future.succeededFuture(socket) : Future.failedFuture("auth answered " + answer.encode()))));
  }

  /** The claims of a JWT, read without checking its signature. */
  public static JsonObject claims(String jwt) {
    String[] parts = jwt.split("\\.");
    return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }

  /**
   * A JWT signed with that HS256 secret holding exactly these claims (plus {@code iat}): put
   * {@code exp} (seconds since the epoch) in them to choose the expiry, in the past too.
   */
  public static String sign(Vertx vertx, String secret, JsonObject claims) {
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
  }

  /** One open socket: every frame received kept in order, the close status once closed. */
  public static final class Socket {

    private final WebSocket socket;
    private final Deque<JsonObject> unread = new ArrayDeque<>();
    private final Deque<Promise<JsonObject>> waiting = new ArrayDeque<>();
    private final List<JsonObject> all = new ArrayList<>();
    private final Promise<Short> closed = Promise.promise();

    private Socket(WebSocket socket) {
      this.socket = socket;
      socket.textMessageHandler(text -> {
        JsonObject frame;
        try {
          frame = new JsonObject(text);
        } catch (RuntimeException e) {
          frame = new JsonObject().put("notJson", text); // the server must never send this; tests see it
        }
        received(frame);
      });
      socket.binaryMessageHandler(data -> received(new JsonObject().put("binaryFrameBytes", data.length())));
      socket.closeHandler(v -> {
        closed.tryComplete(socket.closeStatusCode());
        // Anyone still waiting for a frame learns that none will come.
        Promise<JsonObject> next;
        while ((next = waiting.poll()) != null) {
          next.tryFail("closed with " + socket.closeStatusCode() + " before another frame");
        }
      });
    }

    private void received(JsonObject frame) {
      all.add(frame);
      Promise<JsonObject> next = waiting.poll();
      if (next != null) {
        next.complete(frame);
      } else {
        unread.add(frame);
      }
    }

    public WebSocket webSocket() { return socket; }

    /** Every frame received so far, read or not. */
    public List<JsonObject> received() { return all; }

    /** The {@code event} names of every frame received so far. */
    public List<String> events() {
      return all.stream().map(f -> f.getString("event")).toList();
    }

    /** The close status code, once the server closed. */
    public Future<Short> closed() { return closed.future(); }

    /** The next frame not yet read; fails if the socket closes first. */
    public Future<JsonObject> next() {
      JsonObject frame = unread.poll();
      if (frame != null) {
        return Future.succeededFuture(frame);
      }
      if (closed.future().isComplete()) {
        return Future.failedFuture("closed with " + closed.future().result() + " before another frame");
      }
      Promise<JsonObject> promise = Promise.promise();
      waiting.add(promise);
      return promise.future();
    }

    /** Sends {@code {"event":"auth","jwt":…}} and returns the next frame (the answer if nothing else is unread). */
    public Future<JsonObject> auth(String jwt) {
      send(new JsonObject().put("event", "auth").put("jwt", jwt));
      return next();
    }

    public Socket send(JsonObject frame) {
      return sendText(frame.encode());
    }

    public Socket sendText(String text) {
      socket.writeTextMessage(text);
      return this;
    }

    public Socket sendBinary(Buffer data) {
      socket.writeBinaryMessage(data);
      return this;
    }

    public Future<Void> close() {
      return socket.close();
    }
  }
}
