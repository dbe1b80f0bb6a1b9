package io.gamebus.rpfm;

import io.gamebus.codecs.rpfm.RpfmCodec;
import io.gamebus.codecs.rpfm.RpfmCommand;
import io.gamebus.codecs.rpfm.RpfmIds;
import io.gamebus.codecs.rpfm.RpfmResponse;
import io.gamebus.endpoint.Outgoing;

/**
 * RPFM messages encoded for the wire with their view for {@code .sent}: the variant or command as
 * type, the bus form plus the wire {@code id} as body, the same shapes {@code .in} shows.
 */
final class RpfmBusForm {

  private RpfmBusForm() {
  }

  /** A response: type = variant, body {@code {"variant", "value"?, "id"}}. */
  static Outgoing response(RpfmCodec codec, RpfmResponse response) {
    return Outgoing.of(codec.encodeResponse(response), response.variant(),
      response.toBus().put("id", RpfmIds.toJson(response.id())));
  }

  /** A command: type = command, body {@code {"command", "args"?, "id"}}. */
  static Outgoing command(RpfmCodec codec, RpfmCommand command) {
    return Outgoing.of(codec.encodeCommand(command), command.command(),
      command.toBus().put("id", RpfmIds.toJson(command.id())));
  }
}
