package io.gamebus.codecs.dfhack;

import io.vertx.core.buffer.Buffer;
import java.util.Objects;

/**
 * One message after the handshake: the header id and size, and the payload. A request
 * ({@code id >= 0}), RESULT or TEXT carries {@code size} payload bytes; FAIL carries a
 * {@code command_result} code in {@code size} and no payload; QUIT carries nothing (its size is
 * kept as received but means nothing). Immutable; the payload may be a view of the chunk it was
 * decoded from (see {@link RpcStreamDecoder}).
 */
public final class RpcFrame {

  private final short id;
  private final int size;
  private final Buffer payload;
  // True for FAIL and QUIT, whose size field is not a payload length. A server reads id -2 from a
  // client like any other id (payload included), so such a frame is not a FAIL.
  private final boolean sizeIsNotLength;

  private RpcFrame(short id, int size, Buffer payload, boolean sizeIsNotLength) {
    this.id = id;
    this.size = size;
    this.payload = payload;
    this.sizeIsNotLength = sizeIsNotLength;
  }

  /**
   * A frame whose payload follows the header: a request, RESULT, TEXT, or any other id read with
   * a payload (including -2 sent by a client, which the server treats as an invalid id).
   */
  public static RpcFrame withPayload(short id, Buffer payload) {
    Objects.requireNonNull(payload, "payload");
    return new RpcFrame(id, payload.length(), payload, false);
  }

  /** A FAIL frame with its {@code command_result} code. */
  public static RpcFrame fail(int code) {
    return new RpcFrame(RpcCodes.FAIL, code, Buffer.buffer(0), true);
  }

  /** A QUIT frame; {@code size} is whatever the header held. */
  public static RpcFrame quit(int size) {
    return new RpcFrame(RpcCodes.QUIT, size, Buffer.buffer(0), true);
  }

  /** The signed header id: a function id (≥ 0) or a code of {@link RpcCodes}. */
  public short id() {
    return id;
  }

  /** Payload length in bytes; for FAIL the {@code command_result} code; for QUIT as received. */
  public int size() {
    return size;
  }

  /** The payload (empty for FAIL and QUIT and for empty messages). Do not modify it. */
  public Buffer payload() {
    return payload;
  }

  public boolean isResult() {
    return id == RpcCodes.RESULT;
  }

  /** A FAIL reply (size is a code, no payload); never true for frames read by a server. */
  public boolean isFail() {
    return id == RpcCodes.FAIL && sizeIsNotLength;
  }

  public boolean isText() {
    return id == RpcCodes.TEXT;
  }

  public boolean isQuit() {
    return id == RpcCodes.QUIT;
  }

  /**
   * The signed {@code command_result} of a FAIL; may be outside {@link CommandResult}'s set.
   *
   * @throws IllegalStateException if this is not a FAIL
   */
  public int failCode() {
    if (!isFail()) {
      throw new IllegalStateException("not a FAIL frame: id " + id);
    }
    return size;
  }

  /** The encoded form (header with zero padding, then the payload); see {@link RpcEncoder}. */
  public Buffer encode() {
    if (isFail()) {
      return RpcEncoder.fail(size);
    }
    if (isQuit()) {
      return RpcEncoder.quit();
    }
    return RpcEncoder.frame(id, payload);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RpcFrame f && f.id == id && f.size == size
        && f.sizeIsNotLength == sizeIsNotLength && f.payload.equals(payload);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * id + size) + payload.hashCode();
  }

  @Override
  public String toString() {
    return "RpcFrame[id=" + id + ", size=" + size + "]";
  }
}
