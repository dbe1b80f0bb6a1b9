package io.gamebus.config;

/** The one rule for host names and addresses to bind or connect to. */
final class Hosts {

  // Names, IPv4 and IPv6 literals; catches the usual mistakes (spaces, a scheme, a port) early.
  private static final String HOST = "[A-Za-z0-9._:%-]+";

  private Hosts() {
  }

  static String read(JsonFields f, String key, String def) {
    String host = f.string(key, def);
    if (!host.matches(HOST)) {
      throw f.error(key, "'" + host + "' is not a host name or address");
    }
    if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      // One colon is not IPv6 (that needs at least two): someone wrote host:port.
      throw f.error(key, "'" + host + "' is not a host name or address (the port goes in its own field)");
    }
    return host;
  }
}
