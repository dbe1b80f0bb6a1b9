package io.gamebus.codecs.dfhack;

/**
 * DFHack's {@code command_result} (CoreDefs.h): the code of a FAIL header and the exit status
 * of a command. Codes outside this set can arrive in a FAIL header; {@link RpcFrame#failCode()}
 * keeps the raw int and {@link #of(int)} maps them to {@link #FAILURE}.
 */
public enum CommandResult {
  /** RPC call failed on I/O or protocol, e.g. a reply over 64 MiB. */
  LINK_FAILURE(-3),
  /** Interactive command called without a console ({@code CR_WOULD_BREAK} in the proto enum). */
  NEEDS_CONSOLE(-2),
  /** Unknown command, or the plugin is not loaded. */
  NOT_IMPLEMENTED(-1),
  /** Success; never sent in a FAIL header. */
  OK(0),
  /** Generic failure: unknown id, undecodable input, forbidden host, bind failure. */
  FAILURE(1),
  /** Wrong arguments or game state. */
  WRONG_USAGE(2),
  /** Target object not found, e.g. no world loaded. */
  NOT_FOUND(3);

  private static final CommandResult[] BY_CODE = {LINK_FAILURE, NEEDS_CONSOLE, NOT_IMPLEMENTED, OK,
      FAILURE, WRONG_USAGE, NOT_FOUND};

  private final int code;

  CommandResult(int code) {
    this.code = code;
  }

  /** The signed wire code. */
  public int code() {
    return code;
  }

  /** The C++ name, e.g. {@code CR_NOT_IMPLEMENTED}. */
  public String wireName() {
    return "CR_" + name();
  }

  /** Whether {@code code} is one of the seven defined codes. */
  private static boolean known(int code) {
    return code >= -3 && code <= 3;
  }

  /**
   * The result for a wire code; an unknown code becomes {@link #FAILURE}, as any non-OK result
   * is a failure to the real client.
   */
  public static CommandResult of(int code) {
    return known(code) ? BY_CODE[code + 3] : FAILURE;
  }
}
