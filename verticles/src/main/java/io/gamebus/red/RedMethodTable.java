package io.gamebus.red;

import io.gamebus.bus.Addresses;
import io.gamebus.codecs.red.RedSignature;
import io.gamebus.endpoint.HandlerRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The methods and topics registered cluster-wide for one endpoint, as a local copy: calls look
 * names up here instead of reading the cluster map. The copy is re-read periodically and whenever
 * a name is missing. Re-reads are coalesced: at most one runs, and callers that arrive while it
 * runs share the next one (which starts after them, so it sees what was registered before they
 * asked). Used on the endpoint's event loop only.
 */
final class RedMethodTable {

  private final HandlerRegistry registry;
  private final Addresses addresses;
  private Map<String, RedSignature> methods = Map.of();
  private Set<String> topics = Set.of();
  private boolean reading;
  private Promise<Void> next;

  RedMethodTable(HandlerRegistry registry, Addresses addresses) {
    this.registry = registry;
    this.addresses = addresses;
  }

  /** The signature of a method in the copy, or null. */
  RedSignature method(String name) {
    return methods.get(name);
  }

  /** Method names in the copy, sorted (nodes register in no common order). */
  Set<String> methodNames() {
    return methods.keySet();
  }

  /** Topics registered through {@link RedMethods#topic}, in the copy. */
  Set<String> topics() {
    return topics;
  }

  /** A fresh copy, read after this call. Never fails: on a read error the old copy stays. */
  Future<Void> refresh() {
    if (next == null) {
      next = Promise.promise();
    }
    Future<Void> mine = next.future();
    if (!reading) {
      startRead();
    }
    return mine;
  }

  private void startRead() {
    Promise<Void> current = next;
    next = null;
    reading = true;
    registry.list(addresses).onComplete(read -> {
      if (read.succeeded()) {
        take(read.result());
      }
      reading = false;
      current.complete();
      if (next != null) {
        startRead();
      }
    });
  }

  /** A method name found (refreshing the copy first when it is not there), or null. */
  Future<RedSignature> find(String name) {
    RedSignature known = methods.get(name);
    return known != null ? Future.succeededFuture(known) : refresh().map(v -> methods.get(name));
  }

  private void take(List<JsonObject> entries) {
    Map<String, RedSignature> newMethods = new TreeMap<>();
    Set<String> newTopics = new LinkedHashSet<>();
    for (JsonObject entry : entries) {
      String name = entry.getString("name");
      if (name == null) {
        continue;
      }
      if (RedMethods.TOPIC.equals(entry.getString("kind"))) {
        newTopics.add(name);
      } else if (entry.getValue("kind") == null || RedMethods.METHOD.equals(entry.getString("kind"))) {
        // A handler registered through the generic API (Gamebus.handle) has no kind: a method
        // without parameters unless it names a signature.
        try {
          JsonObject signature = entry.getJsonObject("signature");
          newMethods.put(name, signature == null ? RedSignature.none() : RedSignature.fromJson(signature));
        } catch (IllegalArgumentException | ClassCastException e) {
          // An entry another version wrote in a form we cannot read: left out, not fatal.
        }
      }
    }
    methods = Collections.unmodifiableMap(newMethods);
    topics = Collections.unmodifiableSet(newTopics);
  }
}
