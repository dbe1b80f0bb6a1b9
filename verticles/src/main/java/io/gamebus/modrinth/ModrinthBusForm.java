package io.gamebus.modrinth;

import io.gamebus.codecs.modrinth.ModrinthCodec;
import io.gamebus.endpoint.Outgoing;
import io.vertx.core.json.JsonObject;

/**
 * A Modrinth event encoded for the wire with its view for {@code .sent}: type = {@code event},
 * body = the frame as written, its {@code jwt} (an {@code auth} frame's token) redacted as on
 * {@code .in}; the token is in the bytes only.
 */
final class ModrinthBusForm {

  private ModrinthBusForm() {
  }

  /** @param event a validated event frame; shared with the envelope, not modified afterwards */
  static Outgoing outgoing(JsonObject event) {
    JsonObject body = event.containsKey("jwt") ? ModrinthCodec.redacted(event) : event;
    return Outgoing.ofText(event.encode(), event.getString("event"), body);
  }
}
