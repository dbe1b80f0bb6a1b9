package io.gamebus.codecs.modrinth;

/**
 * One field of an object shape. An optional field ({@code ?} in modrinth.md §7) may be absent or
 * null; a required one must be present (and null only when its shape allows it). A secret field's
 * value never appears in a message.
 */
record Field(String name, Shape shape, boolean required, boolean secret) {

  static Field req(String name, Shape shape) {
    return new Field(name, shape, true, false);
  }

  static Field opt(String name, Shape shape) {
    return new Field(name, shape, false, false);
  }

  static Field secret(String name, Shape shape) {
    return new Field(name, shape, true, true);
  }
}
