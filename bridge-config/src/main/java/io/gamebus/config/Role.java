package io.gamebus.config;

/** What an endpoint does: {@code server} listens for the protocol's real clients, {@code client} connects to a real server. */
public enum Role {
  SERVER("server"),
  CLIENT("client");

  private final String id;

  Role(String id) {
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
  public static Role of(String id) {
    return Ids.of(values(), Role::id, id);
  }

  @Override
  public String toString() {
    return id;
  }
}
