package io.gamebus.codecs.faf;

import static io.gamebus.codecs.faf.FafCommand.Direction.BOTH;
import static io.gamebus.codecs.faf.FafCommand.Direction.TO_CLIENT;
import static io.gamebus.codecs.faf.FafCommand.Direction.TO_SERVER;

import io.gamebus.codecs.faf.FafCommand.Direction;
import java.util.HashMap;
import java.util.Map;

/**
 * GPGNet commands (§10) carried as {@code {"command":..,"args":[..],"target":"game"}}. TO_SERVER
 * means from the game (through its lobby client) to the server, TO_CLIENT from the server to the
 * game. Unknown GPGNet commands only cause a warning on the real server.
 */
public enum GpgnetCommand {
  GAME_STATE("GameState", TO_SERVER),
  GAME_OPTION("GameOption", TO_SERVER),
  GAME_MODS("GameMods", TO_SERVER),
  PLAYER_OPTION("PlayerOption", TO_SERVER),
  AI_OPTION("AIOption", TO_SERVER),
  CLEAR_SLOT("ClearSlot", TO_SERVER),
  GAME_RESULT("GameResult", TO_SERVER),
  OPERATION_COMPLETE("OperationComplete", TO_SERVER),
  JSON_STATS("JsonStats", TO_SERVER),
  ENFORCE_RATING("EnforceRating", TO_SERVER),
  TEAMKILL_REPORT("TeamkillReport", TO_SERVER),
  TEAMKILL_HAPPENED("TeamkillHappened", TO_SERVER),
  ICE_MSG("IceMsg", BOTH),
  DESYNC("Desync", TO_SERVER),
  LAUNCH_STATUS("LaunchStatus", TO_SERVER),
  /** The one GPGNet command allowed before login (§5). */
  BOTTLENECK("Bottleneck", TO_SERVER),
  BOTTLENECK_CLEARED("BottleneckCleared", TO_SERVER),
  DISCONNECTED("Disconnected", TO_SERVER),
  CHAT("Chat", TO_SERVER),
  GAME_FULL("GameFull", TO_SERVER),
  GAME_ENDED("GameEnded", TO_SERVER),
  REHOST("Rehost", TO_SERVER),
  // faf-commons builds these; v1.15.0 only logs a warning for them
  CONNECTED("Connected", TO_SERVER),
  CONNECTED_TO_HOST("ConnectedToHost", TO_SERVER),
  STATS("Stats", TO_SERVER),
  CLEAR_SLOTS("ClearSlots", TO_SERVER),
  // server → game
  HOST_GAME("HostGame", TO_CLIENT),
  JOIN_GAME("JoinGame", TO_CLIENT),
  CONNECT_TO_PEER("ConnectToPeer", TO_CLIENT),
  DISCONNECT_FROM_PEER("DisconnectFromPeer", BOTH),
  /** Not in the catalogue. */
  UNKNOWN(null, BOTH);

  private static final Map<String, GpgnetCommand> BY_WIRE_NAME = new HashMap<>();

  static {
    for (GpgnetCommand c : values()) {
      if (c.wireName != null) {
        BY_WIRE_NAME.put(c.wireName, c);
      }
    }
  }

  private final String wireName;
  private final Direction direction;

  GpgnetCommand(String wireName, Direction direction) {
    this.wireName = wireName;
    this.direction = direction;
  }

  /** The {@code command} value on the wire; null for UNKNOWN. */
  public String wireName() {
    return wireName;
  }

  public Direction direction() {
    return direction;
  }

  /** Only Bottleneck, which a reconnecting game may send before its client has logged in. */
  public boolean allowedBeforeLogin() {
    return this == BOTTLENECK;
  }

  /** The entry for a wire name, UNKNOWN when not in the catalogue (or null). */
  public static GpgnetCommand of(String wireName) {
    return wireName == null ? UNKNOWN : BY_WIRE_NAME.getOrDefault(wireName, UNKNOWN);
  }
}
