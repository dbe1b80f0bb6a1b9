package io.gamebus.codecs.modrinth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gamebus.codecs.modrinth.ModrinthCodecException.Reason;
import org.junit.jupiter.api.Test;

class ModrinthEventsTest {

  private final ModrinthCodec codec = new ModrinthCodec();

  @Test
  void factoriesWriteTheWireForm() {
    assertEquals("{\"event\":\"auth\",\"jwt\":\"t.o.k\"}", codec.encodeText(ModrinthEvents.auth("t.o.k")));
    assertEquals("{\"event\":\"auth-ok\"}", codec.encodeText(ModrinthEvents.authOk()));
    assertEquals("{\"event\":\"auth-incorrect\"}", codec.encodeText(ModrinthEvents.authIncorrect()));
    assertEquals("{\"event\":\"auth-expiring\"}", codec.encodeText(ModrinthEvents.authExpiring()));
    assertEquals("{\"event\":\"command\",\"cmd\":\"/say hi\"}", codec.encodeText(ModrinthEvents.command("/say hi")));
    assertEquals("{\"event\":\"log\",\"stream\":\"stderr\",\"message\":\"a\\tb\"}",
        codec.encodeText(ModrinthEvents.log("stderr", "a\tb")));
    assertEquals("{\"event\":\"power-state\",\"state\":\"running\"}",
        codec.encodeText(ModrinthEvents.powerState("running")));
    assertEquals("{\"event\":\"power-state\",\"state\":\"crashed\",\"oom_killed\":true,\"exit_code\":137}",
        codec.encodeText(ModrinthEvents.crashed(true, 137)));
    assertEquals("{\"event\":\"uptime\",\"uptime\":86461}", codec.encodeText(ModrinthEvents.uptime(86461)));
    assertEquals(ModrinthFixtures.stats(), codec.encodeText(ModrinthEvents.stats(37.25, 1887436800L, 4294967296L,
        7516192768L, 53687091200L, 123456789012L, 98765432109L)));
  }

  @Test
  void factoriesRefuseValuesOutsideTheirSets() {
    assertEquals(Reason.BAD_FIELDS, assertThrows(ModrinthCodecException.class,
        () -> ModrinthEvents.log("stdin", "x")).reason());
    assertEquals(Reason.BAD_FIELDS, assertThrows(ModrinthCodecException.class,
        () -> ModrinthEvents.powerState("paused")).reason());
    assertEquals(Reason.BAD_FIELDS, assertThrows(ModrinthCodecException.class,
        () -> ModrinthEvents.uptime(-1)).reason());
    assertEquals(Reason.BAD_FIELDS, assertThrows(ModrinthCodecException.class,
        () -> ModrinthEvents.stats(-1, 0, 0, 0, 0, 0, 0)).reason());
    assertEquals("command.cmd: expected a string, got null",
        assertThrows(ModrinthCodecException.class, () -> ModrinthEvents.command(null)).getMessage());
  }
}
