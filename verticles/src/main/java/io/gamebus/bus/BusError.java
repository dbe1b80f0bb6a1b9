package io.gamebus.bus;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * The closed set of failures gamebus itself puts on the bus (replies to {@code .out},
 * {@code .request}, {@code .handle}). Browsers see {@code failureCode} and a message that starts
 * with the error's name, so both people and code can tell them apart.
 */
public enum BusError {
  /** The message is not something this endpoint can encode (e.g. no {@code command}). */
  BAD_MESSAGE(400),
  /** The {@code connection} header names no open connection of this endpoint. */
  UNKNOWN_CONNECTION(404),
  /** The connection was dropped because it did not read what was written to it. */
  SLOW_CONSUMER(410),
  /** The encoded message is larger than the endpoint's {@code maxMessageBytes}. */
  TOO_LARGE(413),
  /** Back-pressure: {@code maxInFlight} requests are already waiting for the peer; retry later. */
  BUSY(429),
  /** No node runs an endpoint of that name (none configured, or its only node has gone). */
  NO_ENDPOINT(501),
  /** The peer's answer could not be decoded (client role: an undecodable upstream reply). */
  BAD_REPLY(502),
  /** Client role: the upstream link is down (or not logged in for that message). */
  NOT_CONNECTED(503),
  /** A handler or the owning node did not answer in time. */
  TIMEOUT(504);

  private final int code;

  BusError(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The failure to reply with: code {@link #code()}, message {@code "<name>: <detail>"}. */
  public ReplyException exception(String detail) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, wireName() + ": " + detail);
  }
}
