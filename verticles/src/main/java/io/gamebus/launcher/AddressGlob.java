package io.gamebus.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address pattern of {@code tap}: {@code *} stands for any characters within one part of an
 * address (no dot), {@code **} for any characters at all; every other character is itself.
 * {@code gamebus.faf.*.in} is every FAF endpoint's {@code .in}; {@code gamebus.*.lobby.in.*}
 * every message type of endpoints named lobby; {@code gamebus.**} everything.
 */
final class AddressGlob {

  private final String text;
  private final Pattern regex;

  AddressGlob(String text) {
    this.text = text;
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^.]*");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    this.regex = Pattern.compile(re.toString());
  }

  /** Whether the pattern has no wildcard: it is one address, registered as it is. */
  boolean isExact() {
    return text.indexOf('*') < 0;
  }

  String text() {
    return text;
  }

  boolean matches(String address) {
    return regex.matcher(address).matches();
  }

  /** Whether the pattern matches {@code address} or may match an address under it ({@code address.<more>}). */
  boolean reaches(String address) {
    if (matches(address)) {
      return true;
    }
    Matcher below = regex.matcher(address + ".");
    return below.matches() || below.hitEnd();
  }
}
