package io.gamebus.codecs.faf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gamebus.codecs.faf.FafCommand.Direction;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FafCommandTest {

  // Copied from the tables of faf.md §8 and §9.
  private static final Set<String> SECTION_8 = Set.of("ask_session", "auth", "hello", "create_account", "ping",
      "pong", "game_host", "game_join", "restore_game_session", "game_matchmaking", "match_ready", "matchmaker_info",
      "social_add", "social_remove", "avatar", "admin", "coop_list", "modvault", "ice_servers", "invite_to_party",
      "accept_party_invite", "kick_player_from_party", "leave_party", "set_party_factions", "unready_party",
      "is_ready_response", "set_player_vetoes");
  private static final Set<String> SECTION_9 = Set.of("session", "welcome", "authentication_failed", "irc_password",
      "player_info", "game_info", "social", "game_launch", "matchmaker_info", "search_info", "search_timeout",
      "search_violation", "match_found", "match_cancelled", "update_party", "party_invite", "kicked_from_party",
      "coop_info", "avatar", "modvault_info", "updated_achievements", "ice_servers", "notice", "invalid", "disabled",
      "ping", "pong", "is_ready", "vetoes_info", "game_join_failed");

  @Test
  void catalogueIsExactlySections8And9WithDirections() {
    for (FafCommand c : FafCommand.values()) {
      if (c == FafCommand.UNKNOWN) {
        continue;
      }
      assertEquals(SECTION_8.contains(c.wireName()), c.sentByClient(), c.wireName());
      assertEquals(SECTION_9.contains(c.wireName()), c.sentByServer(), c.wireName());
      assertEquals(c, FafCommand.of(c.wireName()));
    }
    Set<String> all = Stream.concat(SECTION_8.stream(), SECTION_9.stream()).collect(Collectors.toSet());
    assertEquals(all.size(), FafCommand.values().length - 1);
    assertEquals(Direction.BOTH, FafCommand.PING.direction());
    assertEquals(Direction.TO_SERVER, FafCommand.ASK_SESSION.direction());
    assertEquals(Direction.TO_CLIENT, FafCommand.WELCOME.direction());
  }

  @Test
  void unknownNames() {
    assertEquals(FafCommand.UNKNOWN, FafCommand.of("frobnicate"));
    assertEquals(FafCommand.UNKNOWN, FafCommand.of(null));
    assertEquals(FafCommand.UNKNOWN, FafCommand.of("PING")); // case matters on the wire
    assertFalse(FafCommand.UNKNOWN.allowedBeforeLogin());
    assertFalse(FafCommand.UNKNOWN.handledByServerV115());
  }

  @Test
  void preLoginWhitelistIsSection5() {
    Set<FafCommand> allowed = EnumSet.noneOf(FafCommand.class);
    for (FafCommand c : FafCommand.values()) {
      if (c.allowedBeforeLogin()) {
        allowed.add(c);
      }
    }
    assertEquals(EnumSet.of(FafCommand.ASK_SESSION, FafCommand.AUTH, FafCommand.CREATE_ACCOUNT, FafCommand.HELLO,
        FafCommand.PING, FafCommand.PONG), allowed);
    assertTrue(GpgnetCommand.BOTTLENECK.allowedBeforeLogin());
    assertFalse(GpgnetCommand.GAME_STATE.allowedBeforeLogin());
  }

  @Test
  void commandsServerV115DoesNotHandle() {
    for (FafCommand c : FafCommand.values()) {
      boolean notHandled = EnumSet.of(FafCommand.UNREADY_PARTY, FafCommand.IS_READY_RESPONSE,
          FafCommand.SET_PLAYER_VETOES, FafCommand.IS_READY, FafCommand.VETOES_INFO, FafCommand.GAME_JOIN_FAILED,
          FafCommand.UNKNOWN).contains(c);
      assertEquals(!notHandled, c.handledByServerV115(), c.name());
    }
  }

  @Test
  void gpgnetCatalogue() {
    for (GpgnetCommand c : GpgnetCommand.values()) {
      if (c != GpgnetCommand.UNKNOWN) {
        assertEquals(c, GpgnetCommand.of(c.wireName()));
      }
    }
    assertEquals(Direction.BOTH, GpgnetCommand.ICE_MSG.direction());
    assertEquals(Direction.TO_CLIENT, GpgnetCommand.HOST_GAME.direction());
    assertEquals(Direction.TO_SERVER, GpgnetCommand.of("GameState").direction());
    assertEquals(GpgnetCommand.UNKNOWN, GpgnetCommand.of("gamestate"));
    assertEquals(GpgnetCommand.UNKNOWN, GpgnetCommand.of(null));
  }
}
