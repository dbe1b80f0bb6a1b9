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
      .put("addresses", new JsonObject()
        .put("in", bus.addresses().in())
        .put("out", bus.addresses().out())
        .put("status", bus.addresses().status()))
      .mergeIn(details());
  }
}
