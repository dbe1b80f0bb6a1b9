package io.gamebus.codecs.red;

/**
 * The {@code error} member of a JSON-RPC error reply: a code, a message and optional data (absent
 * when null, as aiohttp-json-rpc omits a {@code None} data). The constants are the errors the real
 * server sends, with its exact messages (red.md §5), including the misspelt {@code to few arguments}.
 *
 * @param code the JSON-RPC error code
 * @param message the text clients display, never null
 * @param data extra JSON value, or null for none
 */
public record RedError(int code, String message, Object data) {

  /** {@code -32700 "Invalid JSON was received"}: the frame is not JSON; sent without an id. */
  public static final RedError PARSE_ERROR = new RedError(-32700, "Invalid JSON was received", null);
  /** {@code -32600 "Invalid request"}: an envelope error of red.md §4. */
  public static final RedError INVALID_REQUEST = new RedError(-32600, "Invalid request", null);
  /** {@code -32601 "Method not found"}: unknown or unregistered method. */
  public static final RedError METHOD_NOT_FOUND = new RedError(-32601, "Method not found", null);
  /** {@code -32602 "to few arguments"} (sic, as Red sends it): a required parameter is missing. */
  public static final RedError TOO_FEW_ARGUMENTS = new RedError(-32602, "to few arguments", null);
  /** {@code -32603 "Internal Error"}: the method failed, or its result is not JSON. */
  public static final RedError INTERNAL_ERROR = new RedError(-32603, "Internal Error", null);

  /** Lowest and highest code a method may choose for its own errors ({@code -32099 … -32000}). */
  public static final int SERVER_MIN = -32099;
  public static final int SERVER_MAX = -32000;

  public RedError {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
  }

  /**
   * A method's own error, as Red's {@code RpcGenericServerDefinedError}.
   *
   * @param code from {@value #SERVER_MIN} to {@value #SERVER_MAX}
   * @param data a JSON value, or null for none
   * @throws IllegalArgumentException when the code is outside that range
   */
  public static RedError serverDefined(int code, String message, Object data) {
    if (!isServerDefined(code)) {
      throw new IllegalArgumentException("server-defined codes run from -32099 to -32000: " + code);
    }
    return new RedError(code, message, data);
  }

  /** Whether {@code code} is in the range a method may choose, {@code -32099 … -32000}. */
  public static boolean isServerDefined(int code) {
    return code >= SERVER_MIN && code <= SERVER_MAX;
  }

  /**
   * Whether aiohttp-json-rpc knows the code (its lookup table: the five standard codes and the
   * server-defined range); an error object from a client with another code is refused as invalid.
   */
  public static boolean isKnownCode(long code) {
    return code == -32700 || code == -32600 || code == -32601 || code == -32602 || code == -32603
        || code >= SERVER_MIN && code <= SERVER_MAX;
  }
}
