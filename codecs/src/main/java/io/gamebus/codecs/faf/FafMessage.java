package io.gamebus.codecs.faf;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * One FAF message: a JSON object with a string {@code command}. Immutable by convention: the
 * object behind {@link #json()} is never copied per call, so callers must not modify it; every
 * change goes through {@link #with}. Unknown fields are kept and re-encoded unchanged.
 */
public final class FafMessage {

  /** {@code target} of GPGNet messages that travel through the lobby connection (§10). */
  public static final String TARGET_GAME = "game";

  private final JsonObject json;
  private final String command;
  private final String target;

  /** Trusted constructor: json is owned by the new message and command is its string command. */
  FafMessage(JsonObject json, String command) {
    this.json = json;
    this.command = command;
    // Like the server: a target that is not a string dispatches as a lobby message.
    Object t = json.getValue("target");
    this.target = t instanceof String ? (String) t : null;
  }

  /** Wraps a shallow copy of {@code json}; fails with MISSING_COMMAND when command is not a string. */
  public static FafMessage of(JsonObject json) throws FafCodecException {
    Object command = json.getValue("command");
    if (!(command instanceof String)) {
      throw new FafCodecException(FafCodecException.Reason.MISSING_COMMAND, command == null
          ? "command: missing" : "command: expected string, got " + Fields.typeName(command));
    }
    return new FafMessage(new JsonObject(new LinkedHashMap<>(json.getMap())), (String) command);
  }

  /** {@code {"command":command}}. */
  public static FafMessage command(String command) {
    Objects.requireNonNull(command, "command");
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    map.put("command", command);
    return new FafMessage(new JsonObject(map), command);
  }

  /**
   * A new message with {@code field} set (added at the end, or replaced in place). Values must be
   * JSON types: String, Number, Boolean, null, JsonObject, JsonArray (or Map/List).
   *
   * @throws IllegalArgumentException when {@code field} is "command" and value is not a string
   */
  public FafMessage with(String field, Object value) {
    Objects.requireNonNull(field, "field");
    if ("command".equals(field) && !(value instanceof String)) {
      throw new IllegalArgumentException("command must be a string, got " + Fields.typeName(value));
    }
    LinkedHashMap<String, Object> map = new LinkedHashMap<>(json.getMap());
    map.put(field, value);
    return new FafMessage(new JsonObject(map), "command".equals(field) ? (String) value : command);
  }

  public String command() {
    return command;
  }

  /** The {@code target} field when it is a string (e.g. "game"), else null for lobby messages. */
  public String target() {
    return target;
  }

  public boolean isGame() {
    return TARGET_GAME.equals(target);
  }

  /** The bus type: the command, or {@code "game." + command} for target game. */
  public String type() {
    return isGame() ? "game." + command : command;
  }

  /** The lobby catalogue entry; {@link FafCommand#UNKNOWN} when unknown and for game messages. */
  public FafCommand kind() {
    return isGame() ? FafCommand.UNKNOWN : FafCommand.of(command);
  }

  /**
   * The §5 pre-login whitelist exactly as the server applies it: on the command string, before
   * looking at target, so a game {@code Bottleneck} passes.
   */
  public boolean allowedBeforeLogin() {
    return FafCommand.of(command).allowedBeforeLogin() || GpgnetCommand.of(command).allowedBeforeLogin();
  }

  /** The whole message including command and target. Read-only by convention; not copied. */
  public JsonObject json() {
    return json;
  }

  /** The field when it is a string, else null. */
  public String getString(String field) {
    Object v = json.getValue(field);
    return v instanceof String ? (String) v : null;
  }

  /** The field when it is an integer that fits a long, else null. */
  public Long getLong(String field) {
    return Fields.asLong(json.getValue(field));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FafMessage && json.equals(((FafMessage) o).json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /**
   * The compact JSON text without the newline, with top-level {@code token} and {@code password}
   * values masked so that logging a message does not leak credentials. Use {@code json().encode()}
   * for the exact text.
   */
  @Override
  public String toString() {
    if (!json.containsKey("token") && !json.containsKey("password")) {
      return json.encode();
    }
    LinkedHashMap<String, Object> masked = new LinkedHashMap<>(json.getMap());
    masked.replaceAll((k, v) -> v != null && ("token".equals(k) || "password".equals(k)) ? "***" : v);
    return new JsonObject(masked).encode();
  }
}
