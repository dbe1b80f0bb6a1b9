package io.gamebus.codecs.modrinth;

import io.vertx.core.json.JsonObject;

/**
 * One decoded, validated frame.
 *
 * @param event the {@code event} field, never null
 * @param kind the catalogue entry, or null for an event not in the catalogue (passed through unchecked)
 * @param json the whole object as decoded, {@code event} and unknown fields included, in wire order;
 *     publish it after {@link ModrinthCodec#redacted} when it may hold a {@code jwt}
 */
public record ModrinthFrame(String event, ModrinthEvent kind, JsonObject json) {

  /** True when the event is in the catalogue (and so its fields were checked). */
  public boolean known() {
    return kind != null;
  }
}
