package io.gamebus.codecs.faf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    Set<String> all = Stream.concat(SECTION_8.stream(), SECTION_9.stream()).collect(Collectors.toSet());
    Set<FafCommand> found = EnumSet.noneOf(FafCommand.class);
    for (String name : all) {
      FafCommand c = FafCommand.of(name);
      assertNotEquals(FafCommand.UNKNOWN, c, name);
      assertEquals(SECTION_8.contains(name), c.sentByClient(), name);
      found.add(c);
    }
    assertEquals(all.size(), found.size());
    assertEquals(FafCommand.values().length - 1, found.size());
  }

  @Test
  void unknownNames() {
    assertEquals(FafCommand.UNKNOWN, FafCommand.of("frobnicate"));
    assertEquals(FafCommand.UNKNOWN, FafCommand.of(null));
    assertEquals(FafCommand.UNKNOWN, FafCommand.of("PING")); // case matters on the wire
    assertFalse(FafCommand.UNKNOWN.allowedBeforeLogin());
    assertTrue(FafCommand.UNKNOWN.sentByClient());
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
  void gpgnetCatalogue() {
    assertEquals(GpgnetCommand.ICE_MSG, GpgnetCommand.of("IceMsg"));
    assertEquals(GpgnetCommand.HOST_GAME, GpgnetCommand.of("HostGame"));
    assertEquals(GpgnetCommand.BOTTLENECK, GpgnetCommand.of("Bottleneck"));
    assertEquals(GpgnetCommand.UNKNOWN, GpgnetCommand.of("gamestate"));
    assertEquals(GpgnetCommand.UNKNOWN, GpgnetCommand.of(null));
  }
}
