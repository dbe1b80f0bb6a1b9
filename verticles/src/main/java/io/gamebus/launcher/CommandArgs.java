package io.gamebus.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code tap} and {@code send}: options that take one value ({@code --url U}),
 * options that may repeat ({@code --header k=v}), and the positional arguments in order.
 *
 * @throws IllegalArgumentException (from {@link #parse}) naming the option that is wrong
 */
record CommandArgs(Map<String, String> options, Map<String, List<String>> repeated, List<String> positional) {

  static CommandArgs parse(String[] args, Set<String> single, Set<String> repeatable) {
    Map<String, String> options = new HashMap<>();
    Map<String, List<String>> repeated = new HashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        positional.add(arg);
        continue;
      }
      if (!single.contains(arg) && !repeatable.contains(arg)) {
        throw new IllegalArgumentException("unknown option " + arg);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args[++i];
      if (repeatable.contains(arg)) {
        repeated.computeIfAbsent(arg, k -> new ArrayList<>()).add(value);
      } else if (options.put(arg, value) != null) {
        throw new IllegalArgumentException(arg + " is given twice");
      }
    }
    CommandArgs parsed = new CommandArgs(options, repeated, positional);
    parsed.url(); // checked now, so a bad URL is a bad command line
    return parsed;
  }

  String option(String name, String def) {
    return options.getOrDefault(name, def);
  }

  List<String> all(String name) {
    return repeated.getOrDefault(name, List.of());
  }

  /** {@code --url}: the bridge, {@code http(s)://host:port/path} or {@code ws(s)://...}; default {@value BridgeLine#DEFAULT_URL}. */
  URI url() {
    String text = option("--url", BridgeLine.DEFAULT_URL);
    try {
      URI url = new URI(text);
      if (url.getScheme() == null || !url.getScheme().matches("https?|wss?") || url.getHost() == null) {
        throw new IllegalArgumentException("--url " + text + " is not http://host:port/path (or https, ws, wss)");
      }
      return url;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--url " + text + " is not a URL: " + e.getReason());
    }
  }
}
