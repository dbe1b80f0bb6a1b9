package io.gamebus.codecs.faf;

import io.vertx.core.json.JsonArray;
import java.util.Objects;

/** A GPGNet message (§10): {@code {"command":..,"args":[..],"target":"game"}}. */
public final class GameMessage {

  private final String command;
  private final JsonArray args;
  private final FafMessage source;

  /** @param command GPGNet name such as "GameState"; @param args the arguments (not copied) */
  public GameMessage(String command, JsonArray args) {
    this(Objects.requireNonNull(command, "command"), Objects.requireNonNull(args, "args"), null);
  }

  private GameMessage(String command, JsonArray args, FafMessage source) {
    this.command = command;
    this.args = args;
    this.source = source;
  }

  /** Requires target "game"; absent args read as an empty array. Errors name e.g. "GameState.args". */
  public static GameMessage from(FafMessage m) throws FafCodecException {
    if (!m.isGame()) {
      throw FafCodecException.badField(m.command() + ".target",
          "expected \"game\", got " + (m.target() == null ? "none" : "\"" + m.target() + "\""));
    }
    JsonArray args = Fields.array(m.json(), m.command(), "args", false);
    return new GameMessage(m.command(), args == null ? new JsonArray() : args, m);
  }

  public String command() {
    return command;
  }

  public JsonArray args() {
    return args;
  }

  /** The catalogue entry, UNKNOWN when not known. */
  public GpgnetCommand gpgnet() {
    return GpgnetCommand.of(command);
  }

  /** The message this view was read from (unknown fields kept), or a new one. */
  public FafMessage toMessage() {
    return source != null ? source : new MessageBuilder(command).put("args", args)
        .put("target", FafMessage.TARGET_GAME).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GameMessage && command.equals(((GameMessage) o).command)
        && args.equals(((GameMessage) o).args);
  }

  @Override
  public int hashCode() {
    return Objects.hash(command, args);
  }

  @Override
  public String toString() {
    return "GameMessage[" + command + " " + args.encode() + "]";
  }
}
