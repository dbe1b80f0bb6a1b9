package io.gamebus.bridge;

import io.gamebus.config.PermittedAddress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which addresses a browser may send to (inbound) and listen on (outbound): the configured lists,
 * deny by default. Decided once per address and cached, so a {@code register} costs one regex
 * match and a delivery costs none (the stock bridge matched every message against every entry).
 * Used on the bridge's event loop only.
 */
final class BridgePermissions {

  /** Distinct addresses remembered per direction before the cache starts again (a browser picks addresses). */
  private static final int CACHE_LIMIT = 10_000;

  private final Rules inbound;
  private final Rules outbound;

  BridgePermissions(List<PermittedAddress> inbound, List<PermittedAddress> outbound) {
    this.inbound = new Rules(inbound);
    this.outbound = new Rules(outbound);
  }

  boolean mayWrite(String address) {
    return inbound.permits(address);
  }

  boolean mayListen(String address) {
    return outbound.permits(address);
  }

  /** These permissions plus {@code extra}'s: what an authenticated user adds to the defaults. */
  BridgePermissions plus(List<PermittedAddress> extraInbound, List<PermittedAddress> extraOutbound) {
    return new BridgePermissions(concat(inbound.entries, extraInbound), concat(outbound.entries, extraOutbound));
  }

  private static List<PermittedAddress> concat(List<PermittedAddress> a, List<PermittedAddress> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static final class Rules {
    private final List<PermittedAddress> entries;
    private final List<String> exact;
    private final List<Pattern> patterns;
    private final Map<String, Boolean> decided = new HashMap<>();

    Rules(List<PermittedAddress> entries) {
      this.entries = List.copyOf(entries);
      this.exact = entries.stream().map(PermittedAddress::address).filter(a -> a != null).toList();
      this.patterns = entries.stream().map(PermittedAddress::addressRegex).filter(r -> r != null)
        .map(Pattern::compile).toList();
    }

    boolean permits(String address) {
      Boolean known = decided.get(address);
      if (known != null) {
        return known;
      }
      boolean permitted = exact.contains(address) || patterns.stream().anyMatch(p -> p.matcher(address).matches());
      if (decided.size() >= CACHE_LIMIT) {
        decided.clear();
      }
      decided.put(address, permitted);
      return permitted;
    }
  }
}
