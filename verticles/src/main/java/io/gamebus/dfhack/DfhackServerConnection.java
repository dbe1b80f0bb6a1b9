package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.Handshake;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.codecs.dfhack.RpcStreamDecoder;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One DFHack client connected to the server role, handled as the real {@code ServerConnection}
 * does: the handshake, then one call at a time in arrival order (pipelined calls wait, and the
 * socket stops reading meanwhile), all TEXT of a call before its RESULT or FAIL. The calls
 * themselves are answered by {@link DfhackCalls}.
 */
final class DfhackServerConnection {

  private final String id;
  private final Wire wire;
  private final EndpointBus bus;
  private final RpcStreamDecoder decoder;
  private final DfhackCalls calls;
  private final Deque<RpcFrame> backlog = new ArrayDeque<>();
  private boolean busy;
  private boolean closed;

  DfhackServerConnection(String id, Wire wire, DfhackServerEndpoint endpoint, int maxPayloadBytes) {
    this.id = id;
    this.wire = wire;
    this.bus = endpoint.bus();
    this.decoder = RpcStreamDecoder.server(maxPayloadBytes);
    this.calls = new DfhackCalls(this, endpoint);
  }

  String id() { return id; }
  Wire wire() { return wire; }

  void bytes(Buffer chunk) {
    if (closed) {
      return;
    }
    try {
      decoder.feed(chunk, this::handshake, this::received);
    } catch (DfhackCodecException e) {
      // A bad handshake or an invalid size: the real server closes without a word.
      reject(e.reason() + ": " + e.getMessage());
    }
  }

  private void handshake(int version) {
    wire.write(Handshake.reply());
    bus.status(id, "handshake", "version " + version);
  }

  private void received(RpcFrame frame) {
    if (busy) {
      backlog.add(frame);
    } else {
      handle(frame);
    }
  }

  private void handle(RpcFrame frame) {
    if (closed) {
      return;
    }
    if (frame.isQuit()) {
      bus.status(id, "quit", null);
      close();
      return;
    }
    busy = true;
    wire.pause();
    calls.call(frame).onComplete(reply -> {
      if (!closed) {
        write(reply.succeeded() ? reply.result() : internalError(reply.cause()));
      }
      busy = false;
      while (!busy && !closed && !backlog.isEmpty()) {
        handle(backlog.poll());
      }
      if (!busy && !closed) {
        wire.resume();
      }
    });
  }

  private Buffer internalError(Throwable cause) {
    bus.status(id, "call-failed", String.valueOf(cause.getMessage()));
    return DfhackText.error("In call: " + cause.getMessage()).appendBuffer(RpcEncoder.fail(1));
  }

  /** Publishes a decoded call on {@code .in}: type = method (plugin methods {@code plugin.method}). */
  void published(MethodSignature method, com.google.protobuf.Message input) {
    JsonObject body = new JsonObject().put("method", method.method()).put("input", DfhackTypes.toJson(input));
    if (!method.isCore()) {
      body.put("plugin", method.plugin());
    }
    bus.publish(id, method.isCore() ? method.method() : method.plugin() + "." + method.method(), body);
  }

  void badInput(String reason) {
    bus.badInput(id, reason);
  }

  private void write(Buffer frames) {
    if (!bus.write(wire, id, frames)) {
      close();
    }
  }

  private void reject(String reason) {
    bus.badInput(id, reason);
    close();
  }

  /** The peer's IP address, for the real server's loopback-only functions. */
  String peerHost() {
    String address = wire.remoteAddress();
    int colon = address.lastIndexOf(':');
    return colon < 0 ? address : address.substring(0, colon);
  }

  boolean isClosed() {
    return closed;
  }

  Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    return wire.close();
  }

  void markClosed() {
    closed = true;
  }
}
