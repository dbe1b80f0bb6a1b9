package io.gamebus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verticles read their options with the same paths and wording as the rest of the configuration. */
class OptionsReaderTest {

  private static EndpointConfig endpointWith(JsonObject options) {
    JsonObject other = ValidationTest.server("other", 1);
    JsonObject mine = ValidationTest.server("mine", 2).put("options", options);
    return GamebusConfig.fromJson(ValidationTest.config(other, mine)).endpoints().get(1);
  }

  @Test
  void readsTypedValuesWithDefaults() {
    OptionsReader o = endpointWith(new JsonObject().put("pingIntervalSeconds", 30).put("motd", "hi")
        .put("tags", List.of("a", "b"))).optionsReader();
    assertEquals(30, o.integer("pingIntervalSeconds", 45, 1, 3600));
    assertEquals("hi", o.string("motd", null));
    assertEquals(List.of("a", "b"), o.strings("tags", List.of()));
    assertEquals(true, o.bool("absent", true));
    o.done();
  }

  @Test
  void errorsNameTheEndpointPath() {
    EndpointConfig e = endpointWith(new JsonObject().put("pingIntervalSeconds", "45s").put("typo", 1));
    assertEquals("endpoints[1]", e.path());
    ConfigException wrong = assertThrows(ConfigException.class,
        () -> e.optionsReader().integer("pingIntervalSeconds", 45, 1, 3600));
    assertEquals("endpoints[1].options.pingIntervalSeconds: expected an integer, got \"45s\"", wrong.getMessage());
    OptionsReader o = endpointWith(new JsonObject().put("typo", 1)).optionsReader();
    o.integer("pingIntervalSeconds", 45, 1, 3600);
    assertEquals("endpoints[1].options.typo: unknown field", assertThrows(ConfigException.class, o::done).getMessage());
  }
}
