package io.gamebus.red;

import io.gamebus.config.ConfigException;
import io.gamebus.config.GamebusConfig;
import io.gamebus.support.TestConfigs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client role's options: defaults, the example configuration, and the errors users see. */
class RedClientOptionsTest {

  private static RedClientOptions read(JsonObject options) {
    return RedClientOptions.from(TestConfigs.node(TestConfigs.redClient("bot", "ws://127.0.0.1:6133/", options))
      .endpoints().get(0));
  }

  @Test
  void nothingSetGivesTheDocumentedDefaults() {
    assertEquals(new RedClientOptions(List.of(), 60_000, 1024, 10_000, 0), read(new JsonObject()));
  }

  @Test
  void theExampleConfigurationReadsWithoutError() {
    GamebusConfig example = GamebusConfig.load(Path.of("../bridge-config/examples/red-client.json"));
    RedClientOptions options = RedClientOptions.from(example.endpoints().get(0));
    assertEquals(List.of(), options.topics());
    assertEquals(1024, options.maxInFlight());
    assertEquals("ws://127.0.0.1:6133/", example.endpoints().get(0).url());
  }

  @Test
  void topicsAreRead() {
    assertEquals(List.of("A", "B"), read(new JsonObject().put("topics", new JsonArray().add("A").add("B"))).topics());
  }

  @Test
  void anEmptyTopicAnUnknownOptionAndAValueOutOfRangeAreRefusedByPath() {
    ConfigException empty = assertThrows(ConfigException.class,
      () -> read(new JsonObject().put("topics", new JsonArray().add(""))));
    assertTrue(empty.getMessage().contains("options.topics"), empty.getMessage());
    ConfigException typo = assertThrows(ConfigException.class, () -> read(new JsonObject().put("topic", "A")));
    assertTrue(typo.getMessage().contains("topic"), typo.getMessage());
    ConfigException zero = assertThrows(ConfigException.class, () -> read(new JsonObject().put("maxInFlight", 0)));
    assertTrue(zero.getMessage().contains("options.maxInFlight"), zero.getMessage());
  }
}
