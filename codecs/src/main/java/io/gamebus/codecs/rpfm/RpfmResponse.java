package io.gamebus.codecs.rpfm;

import io.gamebus.codecs.rpfm.RpfmCodecException.Reason;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One response: the id of the request it answers (u64 bits, see {@link RpfmIds}), the
 * {@code Response} variant name and its payload as a Vert.x JSON value (null for {@code Success}
 * and {@code Unknown}; a JsonArray for tuple variants). Payloads are passed through, not checked
 * field by field.
 */
public record RpfmResponse(long id, String variant, Object value) {

  public RpfmResponse {
    Objects.requireNonNull(variant, "variant");
  }

  /** {@code {"Error": text}}. */
  public static RpfmResponse error(long id, String text) {
    return new RpfmResponse(id, "Error", Objects.requireNonNull(text, "text"));
  }

  /** {@code "Success"}. */
  public static RpfmResponse success(long id) {
    return new RpfmResponse(id, "Success", null);
  }

  /** The greeting {@code {"id":0,"data":{"SessionConnected":session}}}; {@code session} is u64 bits. */
  public static RpfmResponse sessionConnected(long session) {
    return new RpfmResponse(0, "SessionConnected", RpfmIds.toJson(session));
  }

  public boolean isError() {
    return variant.equals("Error");
  }

  /** The text of an {@code Error} response, else null. */
  public String errorText() {
    return isError() && value instanceof String s ? s : null;
  }

  /** True when the catalogue says the variant has no payload ({@code Success}, {@code Unknown}). */
  public boolean isUnit() {
    return RpfmCatalogue.isUnitResponse(variant);
  }

  /** The bus form: {@code {"variant":"String","value":"k"}}; no {@code value} for a unit variant. */
  public JsonObject toBus() {
    JsonObject bus = new JsonObject().put("variant", variant);
    return isUnit() ? bus : bus.put("value", value);
  }

  /**
   * Reads the bus form: {@code variant} must name a catalogue response; a unit variant takes no
   * {@code value} (or null), any other needs {@code value} (an array of the right length for
   * tuple variants). The value is otherwise passed through.
   *
   * @throws RpfmCodecException BAD_RESPONSE, with {@link RpfmCodecException#id()} = {@code id}
   */
  public static RpfmResponse fromBus(long id, JsonObject bus) throws RpfmCodecException {
    Object data = BusForm.data(id, bus, "variant", "value", Reason.BAD_RESPONSE);
    String reason = check(data);
    if (reason != null) {
      throw new RpfmCodecException(Reason.BAD_RESPONSE, id, reason);
    }
    String variant = BusForm.name(data);
    return new RpfmResponse(id, variant, RpfmCatalogue.isUnitResponse(variant) ? null : bus.getValue("value"));
  }

  /**
   * Shallow check of a response's {@code data}: the variant exists, unit-ness matches, tuple
   * variants have an array of the right length. Payloads are not looked into (they may be tens of MiB).
   */
  static String check(Object data) {
    Shape.Variants e = RpfmCatalogue.responseEnum();
    if (data instanceof String || !(data instanceof JsonObject o) || o.size() != 1) {
      return ShapeChecker.variants(e, data); // bare strings and malformed objects: serde's answer
    }
    String name = o.fieldNames().iterator().next();
    Shape.Variant v = e.variant(name);
    if (v == null || v.isUnit()) {
      return ShapeChecker.variants(e, data);
    }
    Object payload = o.getValue(name);
    if (v.tuple()) {
      String what = "tuple variant Response::" + name;
      if (!(payload instanceof JsonArray a)) {
        return SerdeText.invalidType(payload, what);
      }
      int n = v.fields().size();
      return a.size() < n ? SerdeText.invalidLength(a.size(), what + " with " + n + " elements")
          : a.size() > n ? "trailing characters" : null;
    }
    return null;
  }
}
