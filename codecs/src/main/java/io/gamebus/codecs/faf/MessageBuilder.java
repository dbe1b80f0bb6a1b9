package io.gamebus.codecs.faf;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/** Builds a message's fields in wire order without the copy per field that {@link FafMessage#with} makes. */
final class MessageBuilder {

  private final String command;
  private final LinkedHashMap<String, Object> map = new LinkedHashMap<>();

  MessageBuilder(String command) {
    this.command = command;
    map.put("command", command);
  }

  MessageBuilder put(String field, Object value) {
    map.put(field, value);
    return this;
  }

  /** Null fields are omitted, as the server does. */
  MessageBuilder putIfNotNull(String field, Object value) {
    if (value != null) {
      map.put(field, value);
    }
    return this;
  }

  FafMessage build() {
    return new FafMessage(new JsonObject(map), command);
  }
}
