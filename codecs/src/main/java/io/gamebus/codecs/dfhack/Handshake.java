package io.gamebus.codecs.dfhack;

import io.gamebus.codecs.dfhack.DfhackCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * The 12-byte handshake: 8 bytes of magic then an int32 little-endian version. The client sends
 * {@code "DFHack?\n"}, the server answers {@code "DFHack!\n"}; both send version 1. The server
 * accepts versions 1..255; the real client insists on reply version 1.
 */
public final class Handshake {

  /** Bytes of either handshake. */
  public static final int LENGTH = 12;
  /** The version this codec sends and the only one a client accepts back. */
  public static final int VERSION = 1;
  /** Highest request version the real server accepts. */
  public static final int MAX_REQUEST_VERSION = 255;

  private static final byte[] REQUEST_MAGIC = "DFHack?\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] REPLY_MAGIC = "DFHack!\n".getBytes(StandardCharsets.US_ASCII);

  private Handshake() {}

  /** The client's handshake: {@code "DFHack?\n"} + version 1. A new buffer on every call. */
  public static Buffer request() {
    return build(REQUEST_MAGIC, VERSION);
  }

  /** The server's handshake: {@code "DFHack!\n"} + version 1. A new buffer on every call. */
  public static Buffer reply() {
    return build(REPLY_MAGIC, VERSION);
  }

  /**
   * Checks a client's handshake as the real server does.
   *
   * @param twelve the first {@link #LENGTH} bytes of the stream (only these are read)
   * @return the client's version, 1..255
   * @throws DfhackCodecException {@link Reason#BAD_HANDSHAKE} on wrong magic or version
   */
  static int parseRequest(Buffer twelve) throws DfhackCodecException {
    checkMagic(twelve, REQUEST_MAGIC);
    int version = twelve.getIntLE(8);
    if (version < 1 || version > MAX_REQUEST_VERSION) {
      throw new DfhackCodecException(Reason.BAD_HANDSHAKE, "unsupported handshake version " + version);
    }
    return version;
  }

  /**
   * Checks a server's handshake as the real client does: reply magic and version exactly 1.
   *
   * @throws DfhackCodecException {@link Reason#BAD_HANDSHAKE} otherwise
   */
  static void checkReply(Buffer twelve) throws DfhackCodecException {
    checkMagic(twelve, REPLY_MAGIC);
    int version = twelve.getIntLE(8);
    if (version != VERSION) {
      throw new DfhackCodecException(Reason.BAD_HANDSHAKE, "unsupported handshake version " + version);
    }
  }

  /** Offset form used by the stream decoder, which may hold the bytes inside a larger chunk. */
  static int parse(Buffer b, int off, boolean request) throws DfhackCodecException {
    Buffer view = off == 0 ? b : b.slice(off, off + LENGTH);
    if (request) {
      return parseRequest(view);
    }
    checkReply(view);
    return VERSION;
  }

  private static void checkMagic(Buffer b, byte[] magic) throws DfhackCodecException {
    if (b.length() < LENGTH) {
      throw new DfhackCodecException(Reason.BAD_HANDSHAKE, "handshake shorter than " + LENGTH + " bytes");
    }
    for (int i = 0; i < magic.length; i++) {
      if (b.getByte(i) != magic[i]) {
        throw new DfhackCodecException(Reason.BAD_HANDSHAKE, "wrong handshake magic");
      }
    }
  }

  private static Buffer build(byte[] magic, int version) {
    return Buffer.buffer(LENGTH).appendBytes(magic).appendIntLE(version);
  }
}
