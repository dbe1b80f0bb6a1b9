package io.gamebus.codecs.dfhack;

/**
 * Header ids with a fixed meaning ({@code DFHackReplyCode} upstream) and the payload limit.
 * Ids 0 and above are function ids of requests.
 */
public final class RpcCodes {

  /** S → C: the payload is the output message; completes the oldest outstanding call. */
  public static final short RESULT = -1;
  /** S → C: the size field is the {@code command_result} code; no payload follows. */
  public static final short FAIL = -2;
  /** S → C: the payload is a {@code dfproto.CoreTextNotification}; precedes RESULT or FAIL. */
  public static final short TEXT = -3;
  /** C → S: the client is leaving; size is 0 and no payload follows. */
  public static final short QUIT = -4;

  /** Function id of {@code BindMethod}, fixed by contract. */
  public static final int BIND_METHOD_ID = 0;
  /** Function id of {@code RunCommand}, fixed by contract. */
  public static final int RUN_COMMAND_ID = 1;

  /** Largest payload in bytes (64 MiB, {@code MAX_MESSAGE_SIZE}); exactly this size is allowed. */
  public static final int MAX_PAYLOAD = 64 * 1024 * 1024;

  /** Bytes of a message header: int16 id, 2 padding bytes, int32 size, all little-endian. */
  public static final int HEADER_LENGTH = 8;

  private RpcCodes() {}
}
