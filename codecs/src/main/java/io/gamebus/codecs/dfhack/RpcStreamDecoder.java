package io.gamebus.codecs.dfhack;

import io.gamebus.codecs.dfhack.DfhackCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Incremental decoder for one direction of a connection: the 12-byte handshake, then 8-byte
 * headers each followed by their payload. Bytes may arrive split anywhere or coalesced; frames
 * come out in order, each as soon as its last byte arrives. Not thread-safe: one per connection.
 *
 * <p>Direction rules follow the real peers (dfhack.md §11, §12):
 * <ul>
 *   <li>{@link #server}: only QUIT is special (no payload, size ignored). Every other id, negative
 *       ones included, has its size checked and its payload read, as the real server does before
 *       answering "invalid id".</li>
 *   <li>{@link #client}: FAIL carries a code (possibly negative) instead of a size and has no
 *       payload; QUIT likewise has no payload; other ids have their size checked.</li>
 * </ul>
 * After QUIT the peer is gone: later bytes are discarded. A payload that lies wholly inside one
 * fed chunk is handed out as a {@link Buffer#slice view} of it (no copy), so callers must not
 * modify a chunk after feeding it.
 */
public final class RpcStreamDecoder {

  private enum State { HANDSHAKE, HEADER, PAYLOAD, QUIT, FAILED }

  // Split payloads grow from this size, so a hostile 8-byte header cannot make us allocate 64 MiB.
  private static final int INITIAL_PENDING = 64 * 1024;

  private final boolean server;
  private final int maxPayloadBytes;
  private State state = State.HANDSHAKE;
  private Buffer pending;
  private short payloadId;
  private int payloadSize;
  private boolean handshakeDone;
  private Throwable failure;

  private RpcStreamDecoder(boolean server, int maxPayloadBytes) {
    if (maxPayloadBytes < 0 || maxPayloadBytes > RpcCodes.MAX_PAYLOAD) {
      throw new IllegalArgumentException("maxPayloadBytes must be 0.." + RpcCodes.MAX_PAYLOAD + ": " + maxPayloadBytes);
    }
    this.server = server;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Reads what a client sends: the request handshake (versions 1..255), then requests and QUIT.
   *
   * @param maxPayloadBytes largest accepted payload, 0..{@link RpcCodes#MAX_PAYLOAD} (the real limit)
   */
  public static RpcStreamDecoder server(int maxPayloadBytes) {
    return new RpcStreamDecoder(true, maxPayloadBytes);
  }

  /**
   * Reads what a server sends: the reply handshake (version 1 only), then TEXT, RESULT and FAIL.
   *
   * @param maxPayloadBytes largest accepted payload, 0..{@link RpcCodes#MAX_PAYLOAD} (the real limit)
   */
  public static RpcStreamDecoder client(int maxPayloadBytes) {
    return new RpcStreamDecoder(false, maxPayloadBytes);
  }

  /**
   * Feeds bytes. Calls {@code onHandshake} once with the peer's version when the 12 handshake bytes
   * are complete, then {@code onFrame} for each complete frame, in order.
   *
   * @throws DfhackCodecException {@link Reason#BAD_HANDSHAKE}, or {@link Reason#BAD_SIZE} for a
   *     size below 0 or above the maximum. The decoder is then unusable and rethrows on every call;
   *     an exception thrown by a callback likewise leaves it unusable.
   */
  public void feed(Buffer chunk, IntConsumer onHandshake, Consumer<RpcFrame> onFrame) throws DfhackCodecException {
    Objects.requireNonNull(chunk, "chunk");
    if (state == State.FAILED) {
      rethrow();
    }
    try {
      run(chunk, onHandshake, onFrame);
    } catch (DfhackCodecException | RuntimeException | Error e) {
      state = State.FAILED;
      pending = null;
      failure = e;
      throw e;
    }
  }

  /** Bytes held for an incomplete handshake, header or payload (0 also right after a header). */
  int pendingBytes() {
    return pending == null ? 0 : pending.length();
  }

  /**
   * Whether the stream stands between two frames: handshake done, no partial header or payload
   * held or announced. An EOF anywhere else cut a message short.
   */
  boolean atFrameBoundary() {
    return (state == State.HEADER && pending == null) || state == State.QUIT;
  }

  /** Whether the handshake has been accepted. */
  boolean handshakeDone() {
    return handshakeDone;
  }

  /** Whether a QUIT was read (all later bytes are discarded). */
  boolean quit() {
    return state == State.QUIT;
  }

  private void run(Buffer chunk, IntConsumer onHandshake, Consumer<RpcFrame> onFrame) throws DfhackCodecException {
    int pos = 0;
    int end = chunk.length();
    while (state != State.QUIT) {
      int want = unitLength();
      if (pending == null) {
        if (end - pos >= want) {
          consume(chunk, pos, onHandshake, onFrame);
          pos += want;
          continue;
        }
        if (pos < end) {
          pending = Buffer.buffer(Math.min(want, INITIAL_PENDING)).appendBuffer(chunk, pos, end - pos);
        }
        return;
      }
      int take = Math.min(want - pending.length(), end - pos);
      pending.appendBuffer(chunk, pos, take);
      pos += take;
      if (pending.length() < want) {
        return;
      }
      Buffer unit = pending;
      pending = null;
      consume(unit, 0, onHandshake, onFrame);
    }
  }

  private int unitLength() {
    return switch (state) {
      case HANDSHAKE -> Handshake.LENGTH;
      case HEADER -> RpcCodes.HEADER_LENGTH;
      default -> payloadSize;
    };
  }

  private void consume(Buffer b, int off, IntConsumer onHandshake, Consumer<RpcFrame> onFrame)
      throws DfhackCodecException {
    switch (state) {
      case HANDSHAKE -> {
        int version = Handshake.parse(b, off, server);
        state = State.HEADER;
        handshakeDone = true;
        onHandshake.accept(version);
      }
      case HEADER -> header(b.getShortLE(off), b.getIntLE(off + 4), onFrame);
      default -> {
        state = State.HEADER;
        Buffer payload = off == 0 && b.length() == payloadSize ? b : b.slice(off, off + payloadSize);
        onFrame.accept(RpcFrame.withPayload(payloadId, payload));
      }
    }
  }

  private void header(short id, int size, Consumer<RpcFrame> onFrame) throws DfhackCodecException {
    // Bytes 2..3 are padding the C++ sender leaves uninitialised: never read.
    // QUIT ends a client's stream; from a server it is just an unknown id, read by size and
    // ignored as the real client does.
    if (id == RpcCodes.QUIT && server) {
      state = State.QUIT;
      onFrame.accept(RpcFrame.quit(size));
    } else if (id == RpcCodes.FAIL && !server) {
      onFrame.accept(RpcFrame.fail(size));
    } else if (size < 0 || size > maxPayloadBytes) {
      throw new DfhackCodecException(Reason.BAD_SIZE, "invalid received size " + size + " (id " + id
          + ", maximum " + maxPayloadBytes + ")");
    } else if (size == 0) {
      onFrame.accept(RpcFrame.withPayload(id, Buffer.buffer(0)));
    } else {
      payloadId = id;
      payloadSize = size;
      state = State.PAYLOAD;
    }
  }

  private void rethrow() throws DfhackCodecException {
    if (failure instanceof DfhackCodecException e) {
      throw e;
    }
    throw new IllegalStateException("decoder failed earlier", failure);
  }
}
