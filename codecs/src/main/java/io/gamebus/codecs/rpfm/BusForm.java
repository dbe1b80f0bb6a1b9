package io.gamebus.codecs.rpfm;

import io.gamebus.codecs.rpfm.RpfmCodecException.Reason;
import io.vertx.core.json.JsonObject;

/** Reads the bus forms back into the wire's {@code data}, so both are validated by one path. */
final class BusForm {

  private BusForm() {}

  /**
   * The wire {@code data} a bus form stands for: {@code {nameKey: "V"}} is the bare string
   * {@code "V"}, {@code {nameKey: "V", valueKey: x}} the one-key object {@code {"V": x}}.
   *
   * @throws RpfmCodecException {@code reason} when {@code nameKey} is missing or not a string
   */
  static Object data(long id, JsonObject bus, String nameKey, String valueKey, Reason reason)
      throws RpfmCodecException {
    if (!bus.containsKey(nameKey)) {
      throw new RpfmCodecException(reason, id, SerdeText.missingField(nameKey));
    }
    Object name = bus.getValue(nameKey);
    if (!(name instanceof String variant)) {
      throw new RpfmCodecException(reason, id, SerdeText.invalidType(name, "a string"));
    }
    return bus.containsKey(valueKey) ? new JsonObject().put(variant, bus.getValue(valueKey)) : variant;
  }

  /** The variant name of a {@link #data} result. */
  static String name(Object data) {
    return data instanceof String s ? s : ((JsonObject) data).fieldNames().iterator().next();
  }
}
