package io.gamebus.launcher;

import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The port DFHack's own tools use ({@code RemoteClient::GetDefaultPort}): {@code DFHACK_PORT}
 * when set (its leading digits as C's {@code atoi} reads them, when positive, else 5000, and the
 * files are then not read); otherwise {@code "port"} of {@code dfhack-config/remote-server.json},
 * then of {@code ../dfhack-config/remote-server.json}; else 5000.
 */
final class DfhackPort {

  static final int DEFAULT = 5000;

  private DfhackPort() {
  }

  static int select(String environment, Path... configFiles) {
    if (environment != null) {
      int port = atoi(environment);
      return port > 0 ? port : DEFAULT;
    }
    for (Path file : configFiles) {
      try {
        if (Files.isRegularFile(file)) {
          Object port = new JsonObject(Files.readString(file)).getValue("port");
          if (port instanceof Number n && n.intValue() > 0) {
            return n.intValue();
          }
        }
      } catch (Exception unreadable) {
        // like the real tool: a broken file is no port
      }
    }
    return DEFAULT;
  }

  /** C's atoi: optional blanks and sign, then the leading digits; 0 when there are none. */
  static int atoi(String text) {
    String s = text.strip();
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i++) == '-';
    }
    long value = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i)) && value < Integer.MAX_VALUE) {
      value = value * 10 + (s.charAt(i++) - '0');
    }
    return (int) Math.min(Integer.MAX_VALUE, negative ? -value : value);
  }
}
