package io.gamebus.support;

import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.codecs.dfhack.RpcStreamDecoder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A raw DFHack client for tests: writes whatever bytes a test gives it (the hostile client) and
 * reads the server's handshake and frames with the codec.
 */
public final class DfhackRawClient {

  private final NetClient client; // kept: Vert.x closes a collected client's sockets
  private final NetSocket socket;
  private final RpcStreamDecoder decoder = RpcStreamDecoder.client(64 * 1024 * 1024);
  private final Deque<RpcFrame> frames = new ArrayDeque<>();
  private final Deque<Promise<RpcFrame>> waiting = new ArrayDeque<>();
  private final Promise<Integer> handshake = Promise.promise();
  private final Promise<Void> closed = Promise.promise();
  private final Buffer received = Buffer.buffer();

  private DfhackRawClient(NetClient client, NetSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.handler(this::bytes);
    socket.closeHandler(v -> closed.tryComplete());
  }

  public static Future<DfhackRawClient> connect(Vertx vertx, int port) {
    NetClient client = vertx.createNetClient();
    return client.connect(port, "127.0.0.1").map(socket -> new DfhackRawClient(client, socket));
  }

  private void bytes(Buffer chunk) {
    synchronized (this) {
      received.appendBuffer(chunk);
    }
    try {
      decoder.feed(chunk, handshake::tryComplete, this::deliver);
    } catch (DfhackCodecException e) {
      handshake.tryFail(e);
    }
  }

  public DfhackRawClient write(Buffer bytes) {
    socket.write(bytes);
    return this;
  }

  public Future<Integer> handshake() {
    return handshake.future();
  }

  // Frames arrive on the event loop while tests wait on their own thread: one lock for both queues.
  private synchronized void deliver(RpcFrame frame) {
    Promise<RpcFrame> waiter = waiting.poll();
    if (waiter != null) {
      waiter.complete(frame);
    } else {
      frames.add(frame);
    }
  }

  public synchronized Future<RpcFrame> next() {
    RpcFrame frame = frames.poll();
    if (frame != null) {
      return Future.succeededFuture(frame);
    }
    Promise<RpcFrame> promise = Promise.promise();
    waiting.add(promise);
    return promise.future();
  }

  /** Every byte the server sent so far. */
  public synchronized Buffer received() {
    return received.copy();
  }

  public Future<Void> closed() {
    return closed.future();
  }

  public boolean isClosed() {
    return closed.future().isComplete();
  }

  public void close() {
    socket.close();
    client.close();
  }
}
