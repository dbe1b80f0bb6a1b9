package io.gamebus.codecs.faf;

import static io.gamebus.codecs.faf.FafCommand.Direction.BOTH;
import static io.gamebus.codecs.faf.FafCommand.Direction.TO_CLIENT;
import static io.gamebus.codecs.faf.FafCommand.Direction.TO_SERVER;

import java.util.HashMap;
import java.util.Map;

/**
 * The lobby commands of both directions (§8 and §9 of faf.md), with the §5 pre-login whitelist.
 * GPGNet commands ({@code target:"game"}) are in {@link GpgnetCommand}; the whitelist's
 * {@code Bottleneck} is one of those, see {@link FafMessage#allowedBeforeLogin()}.
 */
public enum FafCommand {
  // §8 client → server (ping, pong and a few replies share their name with §9)
  ASK_SESSION("ask_session", TO_SERVER, Flags.PRE_LOGIN),
  AUTH("auth", TO_SERVER, Flags.PRE_LOGIN),
  HELLO("hello", TO_SERVER, Flags.PRE_LOGIN),
  CREATE_ACCOUNT("create_account", TO_SERVER, Flags.PRE_LOGIN),
  PING("ping", BOTH, Flags.PRE_LOGIN),
  PONG("pong", BOTH, Flags.PRE_LOGIN),
  GAME_HOST("game_host", TO_SERVER),
  GAME_JOIN("game_join", TO_SERVER),
  RESTORE_GAME_SESSION("restore_game_session", TO_SERVER),
  GAME_MATCHMAKING("game_matchmaking", TO_SERVER),
  MATCH_READY("match_ready", TO_SERVER),
  MATCHMAKER_INFO("matchmaker_info", BOTH),
  SOCIAL_ADD("social_add", TO_SERVER),
  SOCIAL_REMOVE("social_remove", TO_SERVER),
  AVATAR("avatar", BOTH),
  ADMIN("admin", TO_SERVER),
  COOP_LIST("coop_list", TO_SERVER),
  MODVAULT("modvault", TO_SERVER),
  ICE_SERVERS("ice_servers", BOTH),
  INVITE_TO_PARTY("invite_to_party", TO_SERVER),
  ACCEPT_PARTY_INVITE("accept_party_invite", TO_SERVER),
  KICK_PLAYER_FROM_PARTY("kick_player_from_party", TO_SERVER),
  LEAVE_PARTY("leave_party", TO_SERVER),
  SET_PARTY_FACTIONS("set_party_factions", TO_SERVER),
  UNREADY_PARTY("unready_party", TO_SERVER),  // the real server v1.15.0 has no handler for it
  IS_READY_RESPONSE("is_ready_response", TO_SERVER),  // the real server v1.15.0 has no handler for it
  SET_PLAYER_VETOES("set_player_vetoes", TO_SERVER),  // the real server v1.15.0 has no handler for it
  // §9 server → client
  SESSION("session", TO_CLIENT),
  WELCOME("welcome", TO_CLIENT),
  AUTHENTICATION_FAILED("authentication_failed", TO_CLIENT),
  IRC_PASSWORD("irc_password", TO_CLIENT),
  PLAYER_INFO("player_info", TO_CLIENT),
  GAME_INFO("game_info", TO_CLIENT),
  SOCIAL("social", TO_CLIENT),
  GAME_LAUNCH("game_launch", TO_CLIENT),
  SEARCH_INFO("search_info", TO_CLIENT),
  SEARCH_TIMEOUT("search_timeout", TO_CLIENT),
  SEARCH_VIOLATION("search_violation", TO_CLIENT),
  MATCH_FOUND("match_found", TO_CLIENT),
  MATCH_CANCELLED("match_cancelled", TO_CLIENT),
  UPDATE_PARTY("update_party", TO_CLIENT),
  PARTY_INVITE("party_invite", TO_CLIENT),
  KICKED_FROM_PARTY("kicked_from_party", TO_CLIENT),
  COOP_INFO("coop_info", TO_CLIENT),
  MODVAULT_INFO("modvault_info", TO_CLIENT),
  UPDATED_ACHIEVEMENTS("updated_achievements", TO_CLIENT),
  NOTICE("notice", TO_CLIENT),
  INVALID("invalid", TO_CLIENT),
  DISABLED("disabled", TO_CLIENT),
  IS_READY("is_ready", TO_CLIENT),  // the real server v1.15.0 has no handler for it
  VETOES_INFO("vetoes_info", TO_CLIENT),  // the real server v1.15.0 has no handler for it
  GAME_JOIN_FAILED("game_join_failed", TO_CLIENT),  // the real server v1.15.0 has no handler for it
  /** Not in the catalogue. Its direction is BOTH because either side may send anything. */
  UNKNOWN(null, BOTH);

  /** Who sends the command. */
  public enum Direction { TO_SERVER, TO_CLIENT, BOTH }

  private static final class Flags {
    static final int PRE_LOGIN = 1;
  }

  private static final Map<String, FafCommand> BY_WIRE_NAME = new HashMap<>();

  static {
    for (FafCommand c : values()) {
      if (c.wireName != null) {
        BY_WIRE_NAME.put(c.wireName, c);
      }
    }
  }

  private final String wireName;
  private final Direction direction;
  private final int flags;

  FafCommand(String wireName, Direction direction) {
    this(wireName, direction, 0);
  }

  FafCommand(String wireName, Direction direction, int flags) {
    this.wireName = wireName;
    this.direction = direction;
    this.flags = flags;
  }

  /** True for the seven §5 commands a connection may send before it is authenticated (minus Bottleneck). */
  public boolean allowedBeforeLogin() {
    return (flags & Flags.PRE_LOGIN) != 0;
  }

  /** True when a client may send it (TO_SERVER or BOTH). */
  public boolean sentByClient() {
    return direction != TO_CLIENT;
  }

  /** The entry for a wire name, UNKNOWN when not in the catalogue (or null); one map lookup. */
  public static FafCommand of(String wireName) {
    return wireName == null ? UNKNOWN : BY_WIRE_NAME.getOrDefault(wireName, UNKNOWN);
  }
}
