package io.gamebus.dfhack;

import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.Handshake;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.codecs.dfhack.RpcStreamDecoder;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.ServerConnection;
import io.gamebus.endpoint.ServerLink;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One DFHack client connected to the server role, handled as the real {@code ServerConnection}
 * does: the handshake, then one call at a time in arrival order (pipelined calls wait, and the
 * socket stops reading while a call waits for a bus handler), all TEXT of a call before its
 * RESULT or FAIL. The calls themselves are answered by {@link DfhackCalls}. Pipelined calls are
 * counted in bytes by the layer ({@link ServerLink}): reading stops once they reach its backlog
 * bound, and the next call is answered only while the peer reads the answers (back-pressure).
 * Input already read is decoded a slice at a time, only while the backlog has room: a 64 KiB
 * read of 8-byte calls would otherwise become thousands of call objects at once.
 */
final class DfhackServerConnection implements ServerConnection {

  /** Marks where the stream broke: earlier calls are still answered, then the connection closes. */
  private static final RpcFrame BROKEN = RpcFrame.quit(0);
  /** Input decoded per step: at most 64 calls of 8 bytes become objects before the backlog is checked. */
  private static final int DECODE_SLICE_BYTES = 512;

  private final ServerLink link;
  private final EndpointBus bus;
  private final RpcStreamDecoder decoder;
  private final DfhackCalls calls;
  private final Deque<RpcFrame> backlog = new ArrayDeque<>();
  /** Input read but not decoded yet, counted in the backlog as raw bytes. */
  private Buffer undecoded;
  private int undecodedFrom;
  private boolean broken;
  private boolean busy;

  DfhackServerConnection(ServerLink link, DfhackServerEndpoint endpoint, int maxPayloadBytes) {
    this.link = link;
    this.bus = link.bus();
    this.decoder = RpcStreamDecoder.server(maxPayloadBytes);
    this.calls = new DfhackCalls(this, endpoint);
    link.whenWritable(this::drain);
  }

  @Override public ServerLink link() { return link; }
  @Override public String id() { return link.id(); }

  @Override
  public void input(Buffer chunk) {
    if (link.isClosed() || broken) {
      return;
    }
    if (undecoded == null) {
      undecoded = chunk;
      undecodedFrom = 0;
    } else {
      undecoded = undecoded.getBuffer(undecodedFrom, undecoded.length()).appendBuffer(chunk);
      undecodedFrom = 0;
    }
    link.holding(chunk.length());
    drain();
  }

  /** Decodes slices of the input read so far while the backlog has room for their calls. */
  private void decodeWhileRoom() {
    while (undecoded != null && !broken && !link.isClosed() && link.backlogHasRoom()) {
      int end = Math.min(undecoded.length(), undecodedFrom + DECODE_SLICE_BYTES);
      Buffer slice = undecoded.slice(undecodedFrom, end);
      link.holding(undecodedFrom - end);
      undecodedFrom = end;
      if (undecodedFrom == undecoded.length()) {
        undecoded = null;
      }
      try {
        decoder.feed(slice, this::handshake, this::queue);
      } catch (DfhackCodecException e) {
        // A bad handshake or an invalid size: the real server answers what came before, then
        // closes without a word, reading nothing more.
        broken = true;
        dropUndecoded();
        bus.badInput(id(), e.reason() + ": " + e.getMessage());
        backlog.add(BROKEN);
        link.hold();
      }
    }
  }

  private void dropUndecoded() {
    if (undecoded != null) {
      link.holding(undecodedFrom - undecoded.length());
      undecoded = null;
    }
  }

  private void queue(RpcFrame frame) {
    if (broken || !link.admit()) {
      // past maxMessagesPerSecond: closed as bad input by the layer
      return;
    }
    backlog.add(frame);
    link.queued(bytes(frame));
  }

  private static int bytes(RpcFrame frame) {
    return io.gamebus.codecs.dfhack.RpcCodes.HEADER_LENGTH + frame.payload().length();
  }

  private void handshake(int version) {
    link.write(Handshake.reply());
    bus.status(id(), StatusEvent.HANDSHAKE, "version " + version);
  }

  /**
   * Answers queued calls in order. Calls answered at once (built-ins, errors) loop here; a call
   * that waits for a bus handler pauses the socket and drains again from its completion, so a
   * long pipeline never deepens the stack.
   */
  private void drain() {
    decodeWhileRoom();
    while (!busy && link.writable() && !backlog.isEmpty()) {
      RpcFrame frame = backlog.poll();
      if (frame == BROKEN) {
        bus.status(id(), StatusEvent.CLOSED_ON_BAD_INPUT, null);
        close();
        return;
      }
      link.unqueued(bytes(frame));
      decodeWhileRoom();
      if (frame.isQuit()) {
        bus.status(id(), StatusEvent.QUIT, null);
        close();
        return;
      }
      Future<Buffer> reply = calls.call(frame);
      if (reply.isComplete()) {
        answer(reply);
      } else {
        busy = true;
        link.hold();
        reply.onComplete(done -> {
          busy = false;
          answer(done);
          drain();
          if (!busy && !broken) {
            link.release();
          }
        });
      }
    }
  }

  private void answer(AsyncResult<Buffer> reply) {
    if (link.isClosed()) {
      return;
    }
    Buffer frames;
    if (reply.succeeded()) {
      frames = reply.result();
    } else {
      bus.status(id(), StatusEvent.CALL_FAILED, String.valueOf(reply.cause().getMessage()));
      frames = DfhackErrors.internal(String.valueOf(reply.cause().getMessage()));
    }
    link.write(frames);
  }

  /** Publishes a decoded call on {@code .in}: type = method ({@code plugin.method} for plugins). */
  void published(io.gamebus.codecs.dfhack.MethodSignature method, JsonObject input) {
    JsonObject body = new JsonObject().put("method", method.method()).put("input", input);
    if (!method.isCore()) {
      body.put("plugin", method.plugin());
    }
    bus.publish(id(), DfhackTypeNames.of(method), body);
  }

  void badInput(String reason) {
    bus.badInput(id(), reason);
  }

  /** The peer's IP address, for the real server's loopback-only functions. */
  String peerHost() {
    return link.wire().remoteHost();
  }

  Future<Void> close() {
    return link.close();
  }

  @Override
  public void closed() {
    backlog.clear();
    undecoded = null;
  }
}
