package io.gamebus.endpoint;

import io.gamebus.bus.NodeIdentity;
import io.gamebus.config.EndpointConfig;
import io.vertx.core.Vertx;

/**
 * What every endpoint verticle is given by the node that deploys it.
 *
 * @param budget the node's connection budget, shared by all its server endpoints
 */
public record EndpointContext(EndpointConfig config, String prefix, NodeIdentity node, EndpointRegistry registry,
                              ConnectionBudget budget) {

  /** The endpoint's side of the bus contract, named after its configuration. */
  public EndpointBus newBus(Vertx vertx) {
    String name = config.protocol().id() + "." + config.name();
    return new EndpointBus(vertx, prefix, config.protocol().id(), config.name(), node.id())
      .badInputLog(new BadInputLog(name, config.limits().badInputLogLevel()))
      .statusLog(new StatusLog(name, config.limits().statusLogLevels()));
  }
}
