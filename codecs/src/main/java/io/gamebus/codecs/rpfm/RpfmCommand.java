package io.gamebus.codecs.rpfm;

import io.gamebus.codecs.rpfm.RpfmCodecException.Reason;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One request: its u64 id (as {@link RpfmIds} bits), the {@code Command} variant name, and the
 * payload as a Vert.x JSON value: null for a unit command, else the String, Boolean, Number,
 * JsonArray (tuple commands: the positional parameters) or JsonObject of the wire, or null for a
 * nullable payload. The record itself does not validate; {@link RpfmCodec#decodeCommand} and
 * {@link #fromBus} do.
 */
public record RpfmCommand(long id, String command, Object args) {

  public RpfmCommand {
    Objects.requireNonNull(command, "command");
  }

  /** True when the catalogue says the command has no payload. */
  public boolean isUnit() {
    return RpfmCatalogue.isUnitCommand(command);
  }

  /** The bus form: {@code {"command":"ClosePack","args":"key"}}; no {@code args} for a unit command. */
  public JsonObject toBus() {
    JsonObject bus = new JsonObject().put("command", command);
    return isUnit() ? bus : bus.put("args", args);
  }

  /**
   * Reads and validates the bus form exactly like {@link RpfmCodec#decodeCommand}: {@code command}
   * is required and must name a catalogue command; a non-unit command needs {@code args} (an
   * explicit {@code null} for a nullable payload) of the command's shape; a unit command takes no
   * {@code args} or {@code "args": null}. Other keys are ignored.
   *
   * @param id the request id to carry (u64 bits)
   * @throws RpfmCodecException BAD_COMMAND, with {@link RpfmCodecException#id()} = {@code id}
   */
  public static RpfmCommand fromBus(long id, JsonObject bus) throws RpfmCodecException {
    Object data = BusForm.data(id, bus, "command", "args", Reason.BAD_COMMAND);
    String reason = ShapeChecker.variants(RpfmCatalogue.commandEnum(), data);
    if (reason != null) {
      throw new RpfmCodecException(Reason.BAD_COMMAND, id, reason);
    }
    String command = BusForm.name(data);
    return new RpfmCommand(id, command, RpfmCatalogue.isUnitCommand(command) ? null : bus.getValue("args"));
  }
}
