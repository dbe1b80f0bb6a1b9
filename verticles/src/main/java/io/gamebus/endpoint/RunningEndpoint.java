package io.gamebus.endpoint;

import io.vertx.core.json.JsonObject;

/** What the {@code gamebus.endpoints} listing asks of a deployed endpoint. */
public interface RunningEndpoint {

  EndpointBus bus();

  /** Role-specific details: listeners (server) or upstream url (client). */
  JsonObject details();

  /** The listing entry: node, protocol, name, role, state, connections, counters, addresses. */
  default JsonObject describe(String role) {
    EndpointBus bus = bus();
    return new JsonObject()
      .put("node", bus.nodeId())
      .put("protocol", bus.protocol())
      .put("name", bus.endpoint())
      .put("role", role)
      .put("state", bus.state())
      .put("connections", bus.metrics().openConnections())
      .put("counters", bus.metrics().toJson())
      .put("addresses", addresses(bus))
      .mergeIn(details());
  }

  /** The channels a bus user may write to: {@code out} by default, {@code request}, or none. */
  default java.util.List<String> writableChannels() {
    return java.util.List.of("out");
  }

  private JsonObject addresses(EndpointBus bus) {
    JsonObject addresses = new JsonObject().put("in", bus.addresses().in()).put("status", bus.addresses().status());
    for (String channel : writableChannels()) {
      addresses.put(channel, bus.addresses().base() + "." + channel);
    }
    return addresses;
  }
}
