package io.gamebus.codecs.faf;

import java.util.HashMap;
import java.util.Map;

/**
 * GPGNet commands (§10) carried as {@code {"command":..,"args":[..],"target":"game"}}, listed by
 * direction: from the game (through its lobby client) to the server, then from the server to the
 * game. Unknown GPGNet commands only cause a warning on the real server.
 */
public enum GpgnetCommand {
  // game → server
  GAME_STATE("GameState"),
  GAME_OPTION("GameOption"),
  GAME_MODS("GameMods"),
  PLAYER_OPTION("PlayerOption"),
  AI_OPTION("AIOption"),
  CLEAR_SLOT("ClearSlot"),
  GAME_RESULT("GameResult"),
  OPERATION_COMPLETE("OperationComplete"),
  JSON_STATS("JsonStats"),
  ENFORCE_RATING("EnforceRating"),
  TEAMKILL_REPORT("TeamkillReport"),
  TEAMKILL_HAPPENED("TeamkillHappened"),
  ICE_MSG("IceMsg"),  // both directions
  DESYNC("Desync"),
  LAUNCH_STATUS("LaunchStatus"),
  /** The one GPGNet command allowed before login (§5). */
  BOTTLENECK("Bottleneck"),
  BOTTLENECK_CLEARED("BottleneckCleared"),
  DISCONNECTED("Disconnected"),
  CHAT("Chat"),
  GAME_FULL("GameFull"),
  GAME_ENDED("GameEnded"),
  REHOST("Rehost"),
  // faf-commons builds these; v1.15.0 only logs a warning for them
  CONNECTED("Connected"),
  CONNECTED_TO_HOST("ConnectedToHost"),
  STATS("Stats"),
  CLEAR_SLOTS("ClearSlots"),
  // server → game
  HOST_GAME("HostGame"),
  JOIN_GAME("JoinGame"),
  CONNECT_TO_PEER("ConnectToPeer"),
  DISCONNECT_FROM_PEER("DisconnectFromPeer"),  // both directions
  /** Not in the catalogue. */
  UNKNOWN(null);

  private static final Map<String, GpgnetCommand> BY_WIRE_NAME = new HashMap<>();

  static {
    for (GpgnetCommand c : values()) {
      if (c.wireName != null) {
        BY_WIRE_NAME.put(c.wireName, c);
      }
    }
  }

  private final String wireName;

  GpgnetCommand(String wireName) {
    this.wireName = wireName;
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
