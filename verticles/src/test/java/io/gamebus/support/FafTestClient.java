package io.gamebus.support;

import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafEncoder;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafStreamReader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * A FAF lobby client for tests, built on our own encoder and reader (the second-best client):
 * TCP or WebSocket, with raw writes for the hostile cases.
 */
public final class FafTestClient {

  private final Deque<FafMessage> received = new ArrayDeque<>();
  private final Deque<Promise<FafMessage>> waiting = new ArrayDeque<>();
  private final Promise<Void> closed = Promise.promise();
  private final FafStreamReader reader = new FafStreamReader(16 * 1024 * 1024);
  private Consumer<Buffer> writer;
  private Runnable closer;

  // Vert.x closes a client's sockets when the client object is garbage collected: keep it.
  private Object transportClient;

  public static Future<FafTestClient> tcp(Vertx vertx, int port) {
    NetClient tcp = vertx.createNetClient();
    return tcp.connect(port, "127.0.0.1").map(socket -> {
      FafTestClient client = new FafTestClient();
      client.transportClient = tcp;
      client.attach(socket);
      return client;
    });
  }

  public static Future<FafTestClient> webSocket(Vertx vertx, int port) {
    WebSocketClient webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
      .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(16 * 1024 * 1024));
    return webSockets.connect(port, "127.0.0.1", "/").map(socket -> {
      FafTestClient client = new FafTestClient();
      client.transportClient = webSockets;
      client.attach(socket);
      return client;
    });
  }

  private void attach(NetSocket socket) {
    socket.handler(this::bytes);
    socket.closeHandler(v -> closed.tryComplete());
    writer = socket::write;
    closer = socket::close;
  }

  private void attach(WebSocket socket) {
    socket.handler(this::bytes);
    socket.closeHandler(v -> closed.tryComplete());
    // Like faf-commons: each message its own text frame ending in '\n'.
    writer = bytes -> socket.writeTextMessage(bytes.toString());
    closer = socket::close;
  }

  private void bytes(Buffer chunk) {
    try {
      reader.feed(chunk, this::deliver);
    } catch (FafCodecException e) {
      closed.tryFail(e);
    }
  }

  // Messages arrive on the event loop; blocking-style tests call next() on their own thread.
  private synchronized void deliver(FafMessage message) {
    Promise<FafMessage> waiter = waiting.poll();
    if (waiter != null) {
      waiter.complete(message);
    } else {
      received.add(message);
    }
  }

  public FafTestClient send(FafMessage message) {
    writer.accept(FafEncoder.encode(message));
    return this;
  }

  /** Raw bytes (one frame on WebSocket), for malformed and hostile input. */
  public FafTestClient sendRaw(Buffer bytes) {
    writer.accept(bytes);
    return this;
  }

  public FafTestClient sendRaw(String text) {
    return sendRaw(Buffer.buffer(text));
  }

  /** The next message from the server, in order. */
  public synchronized Future<FafMessage> next() {
    FafMessage message = received.poll();
    if (message != null) {
      return Future.succeededFuture(message);
    }
    Promise<FafMessage> promise = Promise.promise();
    waiting.add(promise);
    return promise.future();
  }

  /** The next message whose command is {@code command}, skipping others. */
  public Future<FafMessage> next(String command) {
    return next().compose(m -> m.command().equals(command) ? Future.succeededFuture(m) : next(command));
  }

  /** Completes when the server closes the connection. */
  public Future<Void> closed() {
    return closed.future();
  }

  public boolean isClosed() {
    return closed.future().isComplete();
  }

  /** Messages received and not yet taken. */
  public synchronized int pending() {
    return received.size();
  }

  public void close() {
    closer.run();
  }
}
