package io.gamebus.support;

import io.gamebus.launcher.GamebusNode;

import java.net.URI;

/** The actual ports of a started FAF server endpoint (tests listen on port 0). */
public final class FafPorts {

  private FafPorts() {
  }

  /** @param transport "tcp" or "ws" */
  public static int port(GamebusNode node, String endpoint, String transport) {
    return node.fafServer(endpoint).listening().stream()
      .filter(address -> address.startsWith(transport + "://"))
      .map(address -> URI.create(address).getPort())
      .findFirst().orElseThrow();
  }
}
