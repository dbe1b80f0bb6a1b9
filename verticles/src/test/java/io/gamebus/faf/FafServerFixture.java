package io.gamebus.faf;

import io.gamebus.launcher.GamebusNode;

import java.net.URI;

/** Reads the actual ports of a started FAF server endpoint. */
final class FafServerFixture {

  private FafServerFixture() {
  }

  /** @param transport "tcp" or "ws" */
  static int port(GamebusNode node, String endpoint, String transport) {
    return node.fafServer(endpoint).listening().stream()
      .filter(address -> address.startsWith(transport + "://"))
      .map(address -> URI.create(address).getPort())
      .findFirst().orElseThrow();
  }
}
