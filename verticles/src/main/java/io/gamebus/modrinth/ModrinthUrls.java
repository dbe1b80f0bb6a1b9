package io.gamebus.modrinth;

import java.util.Locale;

/** The official client's scheme rules for the socket URL the token endpoint hands out (modrinth.md §4). */
final class ModrinthUrls {

  private ModrinthUrls() {
  }

  /**
   * {@code ws://} and {@code wss://} as they are; {@code https://} → {@code wss://};
   * {@code http://} → {@code ws://}; anything else (the real API's bare {@code host/path}) →
   * {@code wss://} + it. Case-insensitive, as the official client.
   */
  static String socketUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("ws://") || lower.startsWith("wss://")) {
      return url;
    }
    if (lower.startsWith("https://")) {
      return "wss://" + url.substring("https://".length());
    }
    if (lower.startsWith("http://")) {
      return "ws://" + url.substring("http://".length());
    }
    return "wss://" + url;
  }
}
