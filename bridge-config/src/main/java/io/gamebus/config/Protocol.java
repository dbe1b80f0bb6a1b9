package io.gamebus.config;

/** The five wire protocols gamebus bridges; the id is the one used in configuration and bus addresses. */
public enum Protocol {
  RPFM("rpfm"),
  DFHACK("dfhack"),
  FAF("faf"),
  MODRINTH("modrinth"),
  RED("red");

  private final String id;

  Protocol(String id) {
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
  public static Protocol of(String id) {
    return Ids.of(values(), Protocol::id, id);
  }

  @Override
  public String toString() {
    return id;
  }
}
