package io.gamebus.config;

/** How a server endpoint's listener receives bytes: plain TCP, or WebSocket messages. */
public enum Transport {
  TCP("tcp"),
  WEBSOCKET("websocket");

  private final String id;

  Transport(String id) {
    this.id = id;
  }

  /** The lower-case name used in configuration files and bus addresses. */
  public String id() {
    return id;
  }

  /**
   * The constant with this id.
   *
   * @throws IllegalArgumentException naming the known ids if there is none
   */
  public static Transport of(String id) {
    return Ids.of(values(), Transport::id, id);
  }

  @Override
  public String toString() {
    return id;
  }
}
