package io.gamebus.bridge;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

/**
 * The {@code err} frames the bridge answers with. Each keeps the stock bridge's {@code body} code
 * (so pages written for it still match on it) and adds what the official client hands to a
 * handler: {@code failureCode}, {@code failureType}, and a {@code message} saying why. When the
 * refusal concerns an address the page listens or awaits a reply on, the frame names it, so the
 * client calls that handler with the error; otherwise it reaches the client's {@code onerror}.
 */
enum BridgeErrors {
  INVALID_JSON("invalid_json", 400),
  MISSING_TYPE("missing_type", 400),
  INVALID_TYPE("invalid_type", 400),
  MISSING_ADDRESS("missing_address", 400),
  ADDRESS_TOO_LONG("max_address_length_reached", 400),
  INVALID_REPLY_ADDRESS("invalid_reply_address", 400),
  BAD_HEADER("bad_header", 400),
  ACCESS_DENIED("access_denied", 403),
  /** bridge.auth.required: nothing is permitted until a valid token is presented. */
  AUTH_REQUIRED("auth_required", 401),
  /** The token presented is not valid: bad signature, malformed, wrong iss/aud, no exp. */
  AUTH_FAILED("auth_failed", 401),
  /** The token expired: the socket is back to the default permissions. */
  AUTH_EXPIRED("auth_expired", 401),
  MAX_REGISTRATIONS("max_registrations_reached", 429),
  TOO_MANY_PENDING("max_pending_replies_reached", 429);

  /** The {@code register} header carrying the {@code seq} of the last envelope a page saw. */
  static final String LAST_SEQ = "lastSeq";
  /** The header of the frame that reports a recovery: {@code complete} or {@code gap}. */
  static final String RECOVERY = "gamebus-recovery";

  private final String code;
  private final int failureCode;

  BridgeErrors(String code, int failureCode) {
    this.code = code;
    this.failureCode = failureCode;
  }

  String code() {
    return code;
  }

  static OutFrame err(String address, BridgeErrors error, String message) {
    JsonObject frame = new JsonObject().put("type", "err");
    if (address != null) {
      frame.put("address", address);
    }
    return OutFrame.of(frame.put("body", error.code).put("failureCode", error.failureCode)
      .put("failureType", error.name()).put("message", message));
  }

  /** A bus request that failed: the reply's code and type, as the stock bridge reports them. */
  static OutFrame replyFailure(String replyAddress, Throwable cause) {
    JsonObject frame = new JsonObject().put("type", "err").put("address", replyAddress);
    if (cause instanceof ReplyException reply) {
      frame.put("failureCode", reply.failureCode()).put("failureType", reply.failureType().name());
    } else {
      frame.put("failureCode", -1).put("failureType", "RECIPIENT_FAILURE");
    }
    return OutFrame.of(frame.put("message", cause.getMessage()));
  }

  /**
   * After a recovering {@code register}: a message on the address with header
   * {@value #RECOVERY} = {@code complete} (nothing was lost) or {@code gap}, and the counts.
   */
  static OutFrame recoveryReport(String address, AddressFanout.Recovery recovery) {
    String outcome = recovery.complete() ? "complete" : "gap";
    return OutFrame.of(new JsonObject().put("type", "rec").put("address", address)
      .put("headers", new JsonObject().put(RECOVERY, outcome))
      .put("body", new JsonObject().put("recovery", outcome).put("replayed", recovery.replayed())
        .put(LAST_SEQ, recovery.lastSeq())));
  }
}
