package io.gamebus.faf;

import io.gamebus.codecs.faf.FafEncoder;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.endpoint.Outgoing;
import io.vertx.core.json.JsonObject;

/**
 * A FAF message as the bus shows it, in both directions and both roles: its command (or
 * {@code game.<Command>}) as type, its JSON as body, with the credential of a login command
 * replaced by {@code <redacted>}: tokens and passwords never reach the bus.
 */
final class FafBusForm {

  static final String REDACTED = "<redacted>";

  private FafBusForm() {
  }

  /** The body for {@code .in} / {@code .sent}: the message's own JSON, or a copy without its credential. */
  static JsonObject body(FafMessage message) {
    String secret = switch (message.command()) {
      case "auth" -> "token";
      case "hello" -> "password";
      default -> null;
    };
    return secret == null || !message.json().containsKey(secret) ? message.json() : message.json().copy().put(secret, REDACTED);
  }

  /** Encoded once for the wire, with its view for {@code .sent}. */
  static Outgoing outgoing(FafMessage message) {
    return Outgoing.of(FafEncoder.encode(message), message.type(), body(message));
  }
}
