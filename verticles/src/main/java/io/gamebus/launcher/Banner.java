package io.gamebus.launcher;

import io.gamebus.config.GamebusConfig;
import io.vertx.core.json.JsonObject;

/**
 * What a started node prints: each endpoint with its listening addresses, the operator's own
 * verticles, and last the console URL (once it is printed, everything is up).
 */
final class Banner {

  private Banner() {
  }

  static void print(GamebusNode node, GamebusConfig config) {
    System.out.println("gamebus: node " + node.nodeId() + (config.cluster().enabled() ? " (cluster member)" : ""));
    for (Object entry : node.registry().listLocal().getJsonArray("endpoints")) {
      JsonObject e = (JsonObject) entry;
      String where = e.containsKey("listeners") ? "listening on " + String.join(" ", e.getJsonArray("listeners").getList())
        : "connecting to " + e.getString("url");
      System.out.println("gamebus: " + e.getString("protocol") + "." + e.getString("name") + " ("
        + e.getString("role") + ") " + where);
      e.getJsonArray("warnings", new io.vertx.core.json.JsonArray()).forEach(w ->
        System.out.println("gamebus: " + e.getString("protocol") + "." + e.getString("name") + " warning: " + w));
    }
    config.deploy().forEach(own -> System.out.println("gamebus: deployed " + own.verticle()
      + (own.instances() > 1 ? " (" + own.instances() + " instances)" : "")));
    System.out.println("gamebus: console " + node.console().url() + "  (event bus bridge at "
      + config.bridge().path() + ")");
  }
}
