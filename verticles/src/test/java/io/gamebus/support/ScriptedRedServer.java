package io.gamebus.support;

import io.gamebus.codecs.red.FromClient;
import io.gamebus.codecs.red.RedCodec;
import io.gamebus.codecs.red.RedError;
import io.gamebus.codecs.red.RedMessage.ErrorReply;
import io.gamebus.codecs.red.RedMessage.Notification;
import io.gamebus.codecs.red.RedMessage.Request;
import io.gamebus.codecs.red.RedMessage.Result;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Red RPC server for client-role tests, answering as red.md says Red does (frames written by the
 * codec in Red's layout): the built-ins {@code GET_METHODS} and {@code SUBSCRIBE} (unknown topics
 * skipped silently), and test methods: {@code TEST__ECHO} (result = params), {@code TEST__HOLD}
 * (answered only by {@link #release()}, newest first: out of order), {@code TEST__NEVER} (never
 * answered), {@code TEST__FAIL} (-32000 with data); anything else -32601. The test can push
 * notifications and raw frames, drop every connection, and restart on the same port.
 */
public final class ScriptedRedServer {

  /** What {@code GET_METHODS} answers. */
  public static final List<String> METHODS = List.of("GET_METHODS", "GET_TOPICS", "GET_SUBSCRIPTIONS", "SUBSCRIBE",
    "UNSUBSCRIBE", "GET_METHOD_INFO", "TEST__ECHO", "TEST__HOLD", "TEST__NEVER", "TEST__FAIL");

  /** The error {@code TEST__FAIL} answers. */
  public static final RedError FAILURE = RedError.serverDefined(-32000, "Custom failure",
    new JsonObject().put("why", "scripted"));

  private final Vertx vertx;
  private final Set<String> offered;
  private final RedCodec codec = new RedCodec();
  private final Map<ServerWebSocket, Set<String>> subscriptions = new ConcurrentHashMap<>();
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private final List<Request> held = new CopyOnWriteArrayList<>();
  private final List<ServerWebSocket> heldOn = new CopyOnWriteArrayList<>();
  private final List<Short> closeStatuses = new CopyOnWriteArrayList<>();
  private final Map<String, Object> retained = new ConcurrentHashMap<>();
  private volatile int accepted;
  private volatile boolean methodsRefused;
  private volatile HttpServer server;
  private int port;

  private ScriptedRedServer(Vertx vertx, Set<String> offered) {
    this.vertx = vertx;
    this.offered = offered;
  }

  /** Listens on a free loopback port, offering these topics. */
  public static Future<ScriptedRedServer> start(Vertx vertx, Set<String> topics) {
    ScriptedRedServer s = new ScriptedRedServer(vertx, topics);
    return s.listen(0).map(s);
  }

  private Future<Void> listen(int at) {
    // Red's aiohttp reads messages of up to 4 MiB; Vert.x's defaults stop at 256 KiB.
    server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions()
        .setMaxWebSocketFrameSize(RedCodec.DEFAULT_MAX_BYTES).setMaxWebSocketMessageSize(RedCodec.DEFAULT_MAX_BYTES))
      .webSocketHandler(this::accept);
    return server.listen(at, "127.0.0.1").map(bound -> {
      port = bound.actualPort();
      return null;
    });
  }

  private void accept(ServerWebSocket ws) {
    if (!"/".equals(ws.path())) {
      ws.close((short) 1008, "path");
      return;
    }
    accepted++;
    subscriptions.put(ws, ConcurrentHashMap.newKeySet());
    ws.closeHandler(v -> {
      subscriptions.remove(ws);
      Short status = ws.closeStatusCode();
      closeStatuses.add(status == null ? -1 : status);
    });
    ws.textMessageHandler(text -> {
      FromClient decision = codec.decodeFromClient(text);
      if (decision instanceof FromClient.Call call) {
        answer(ws, call.request());
      } else if (decision instanceof FromClient.Reply reply) {
        ws.writeTextMessage(reply.reply().encode());
      } else if (decision instanceof FromClient.Close close) {
        ws.close((short) close.status(), "");
      }
    });
  }

  private void answer(ServerWebSocket ws, Request request) {
    received.add(request);
    Object id = request.id();
    switch (request.method()) {
      case "GET_METHODS" -> ws.writeTextMessage(methodsRefused ? ErrorReply.of(id, RedError.METHOD_NOT_FOUND).encode()
        : Result.of(id, new JsonArray(new ArrayList<>(METHODS))).encode());
      case "SUBSCRIBE" -> {
        Object params = request.params();
        List<?> names = params instanceof JsonArray list ? list.getList() : List.of(String.valueOf(params));
        Set<String> mine = subscriptions.get(ws);
        names.stream().filter(offered::contains).forEach(name -> {
          mine.add((String) name);
          Object state = retained.get(name);
          if (state != null) { // as Red: the retained state goes out before the SUBSCRIBE result
            ws.writeTextMessage(Notification.of((String) name, state).encode());
          }
        });
        ws.writeTextMessage(Result.of(id, new JsonArray(new ArrayList<>(mine))).encode());
      }
      case "TEST__ECHO" -> ws.writeTextMessage(Result.of(id, request.params()).encode());
      case "TEST__HOLD" -> {
        held.add(request);
        heldOn.add(ws);
      }
      case "TEST__NEVER" -> { }
      case "TEST__FAIL" -> ws.writeTextMessage(ErrorReply.of(id, FAILURE).encode());
      default -> ws.writeTextMessage(ErrorReply.of(id, RedError.METHOD_NOT_FOUND).encode());
    }
  }

  /** From now on, answers {@code GET_METHODS} with -32601, as a JSON-RPC server that is not Red would. */
  public void refuseMethods(boolean refused) {
    methodsRefused = refused;
  }

  public int port() {
    return port;
  }

  /** Connections accepted so far, over restarts. */
  public int accepted() {
    return accepted;
  }

  /** Every request received, in order. */
  public List<Request> received() {
    return List.copyOf(received);
  }

  /** The requests of one method received so far. */
  public List<Request> received(String method) {
    return received.stream().filter(r -> method.equals(r.method())).toList();
  }

  /** The close status each ended connection received (-1: none, the connection just went away). */
  public List<Short> closeStatuses() {
    return List.copyOf(closeStatuses);
  }

  /** Answers every held {@code TEST__HOLD} call, newest first, with its params as result. */
  public void release() {
    for (int i = held.size() - 1; i >= 0; i--) {
      heldOn.get(i).writeTextMessage(Result.of(held.get(i).id(), held.get(i).params()).encode());
    }
    held.clear();
    heldOn.clear();
  }

  /** Red's {@code rpc.notify(topic, data)}: a notification to every connection subscribed to the topic. */
  public void notify(String topic, Object data) {
    String frame = Notification.of(topic, data).encode();
    subscriptions.forEach((ws, topics) -> {
      if (topics.contains(topic)) {
        ws.writeTextMessage(frame);
      }
    });
  }

  /** Red's {@code rpc.notify(topic, data, state=True)}: also sent to every later subscriber on SUBSCRIBE. */
  public void retain(String topic, Object data) {
    retained.put(topic, data);
    notify(topic, data);
  }

  /** Writes a text frame to every connection, as it is. */
  public void sendText(String frame) {
    subscriptions.keySet().forEach(ws -> ws.writeTextMessage(frame));
  }

  /** Writes a binary frame to every connection. */
  public void sendBinary(Buffer frame) {
    subscriptions.keySet().forEach(ws -> ws.writeBinaryMessage(frame));
  }

  /** Closes every connection from the server side (the listener stays). */
  public void dropAll() {
    subscriptions.keySet().forEach(ServerWebSocket::close);
  }

  /** A restart: the listener and its connections close, then the same port listens again. */
  public Future<Void> restart() {
    int at = port;
    dropAll();
    return server.close().compose(v -> listenAgain(at, 40));
  }

  /**
   * Binds the old port again, retrying: the client reconnecting meanwhile may briefly hold it (on
   * loopback an outgoing connection to a closed port in the ephemeral range can get that very port).
   */
  private Future<Void> listenAgain(int at, int attempts) {
    return listen(at).recover(e -> attempts <= 1 ? Future.failedFuture(e)
      : Future.<Void>future(p -> vertx.setTimer(50, t -> listenAgain(at, attempts - 1).onComplete(p))));
  }

  public Future<Void> close() {
    return server.close();
  }
}
