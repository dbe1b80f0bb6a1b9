package io.gamebus.launcher;

import io.gamebus.config.DeployConfig;
import io.gamebus.config.GamebusConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's options and the overrides they make, in their documented order. */
class LaunchOptionsTest {

  @Test
  void setsDeploysAndClusterBecomeOverridesAfterTheEnvironment() {
    LaunchOptions options = LaunchOptions.parse(new String[] {
      "--set", "http.port=9001", "--deploy", "my.First", "--cluster", "--set", "http.port=9002", "--deploy", "my.Second"});
    assertEquals(List.of("http.port=9001", "http.port=9002"), options.sets());
    GamebusConfig config = GamebusConfig.loadDefault(options.overrides(Map.of("GAMEBUS_HTTP_PORT", "9000",
      "GAMEBUS_HTTP_HOST", "localhost")));
    assertEquals(9002, config.http().port(), "the last --set wins over the earlier one and the environment");
    assertEquals("localhost", config.http().host());
    assertTrue(config.cluster().enabled());
    assertEquals(List.of("my.First", "my.Second"), config.deploy().stream().map(DeployConfig::verticle).toList());
  }

  @Test
  void anOptionWithoutItsValueIsRefused() {
    for (String option : List.of("--set", "--deploy", "--config")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LaunchOptions.parse(new String[] {option}));
      assertTrue(e.getMessage().startsWith(option + " needs "), e.getMessage());
    }
  }
}
