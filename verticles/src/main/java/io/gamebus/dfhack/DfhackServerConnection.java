package io.gamebus.dfhack;

import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.Handshake;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.codecs.dfhack.RpcStreamDecoder;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.InOrder;
import io.gamebus.endpoint.Outgoing;
import io.gamebus.endpoint.ServerConnection;
import io.gamebus.endpoint.ServerLink;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;


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
  /** The {@code .sent} type of the handshake reply, in both roles. */
  static final String HANDSHAKE = "handshake";
  /** Input decoded per step: at most 64 calls of 8 bytes become objects before the backlog is checked. */
  private static final int DECODE_SLICE_BYTES = 512;

  private final ServerLink link;
  private final EndpointBus bus;
  private final RpcStreamDecoder decoder;
  private final DfhackCalls answers;
  private final InOrder<RpcFrame> calls;
  /** Input read but not decoded yet, counted in the backlog as raw bytes. */
  private Buffer undecoded;
  private int undecodedFrom;
  private boolean broken;

  DfhackServerConnection(ServerLink link, DfhackServerEndpoint endpoint, int maxPayloadBytes) {
    this.link = link;
    this.bus = link.bus();
    this.decoder = RpcStreamDecoder.server(maxPayloadBytes);
    this.answers = new DfhackCalls(this, endpoint);
    // The next call is answered only while the peer reads the answers: DFHack's back-pressure.
    this.calls = new InOrder<>(link, true, this::call);
    calls.refillWith(this::decodeWhileRoom);
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
    calls.drain();
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
        calls.add(BROKEN, 0);
        calls.end();
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
    calls.add(frame, bytes(frame));
  }

  private static int bytes(RpcFrame frame) {
    return io.gamebus.codecs.dfhack.RpcCodes.HEADER_LENGTH + frame.payload().length();
  }

  private void handshake(int version) {
    link.write(Outgoing.of(Handshake.reply(), HANDSHAKE, new JsonObject().put("version", Handshake.VERSION)));
    bus.status(id(), StatusEvent.HANDSHAKE, "version " + version);
  }

  /** One call in its turn: its answer now, or a future completed once it is written. */
  private Future<?> call(RpcFrame frame) {
    if (frame == BROKEN) {
      bus.status(id(), StatusEvent.CLOSED_ON_BAD_INPUT, null);
      close();
      return null;
    }
    if (frame.isQuit()) {
      bus.status(id(), StatusEvent.QUIT, null);
      close();
      return null;
    }
    String type = answers.typeOf(frame);
    Future<DfhackAnswer> reply = answers.call(frame);
    if (reply.isComplete()) {
      answer(type, reply);
      return null;
    }
    return reply.andThen(done -> answer(type, done));
  }

  /** @param type the method answered, the answer's type on {@code .sent} */
  private void answer(String type, AsyncResult<DfhackAnswer> reply) {
    if (link.isClosed()) {
      return;
    }
    DfhackAnswer answer;
    if (reply.succeeded()) {
      answer = reply.result();
    } else {
      bus.status(id(), StatusEvent.CALL_FAILED, String.valueOf(reply.cause().getMessage()));
      answer = DfhackErrors.internal(String.valueOf(reply.cause().getMessage()));
    }
    link.write(Outgoing.of(answer.frames(), type, answer.view()));
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
    calls.clear();
    undecoded = null;
  }
}
