package io.gamebus.endpoint;

import io.gamebus.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoints running on this node, and the answer to {@code gamebus.endpoints} for the whole
 * cluster: every node records itself in a shared map and answers on its own per-node address,
 * so whichever node receives the request asks all the others and merges their lists.
 */
public final class EndpointRegistry {

  private static final String NODES_MAP = "gamebus.nodes";
  private static final long NODE_ANSWER_TIMEOUT_MS = 2_000;
  /** A node that stops refreshing its entry leaves the shared map after this long. */
  private static final long NODE_TTL_MS = 30_000;
  /** Every node publishes that it is alive this often (clustered only). */
  static final long HEARTBEAT_MS = 1_000;
  /** A node not heard from for this long is dead: left out of listings, never forwarded to. */
  public static final long DEAD_AFTER_MS = 5_000;

  private final Vertx vertx;
  private final String prefix;
  private final String nodeId;
  private final Map<String, Entry> endpoints = new ConcurrentHashMap<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private AsyncMap<String, Long> nodes;
  private long refreshTimer = -1;
  private long heartbeatTimer = -1;
  /** When each other node was last heard from (ms); absent: not heard from yet, taken as alive. */
  private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();

  private final List<Watcher> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();

  private record Entry(RunningEndpoint endpoint, String role) {
  }

  /** Told of each endpoint of this node as it comes and goes (e.g. to bind its meters). */
  public interface Watcher {
    void added(RunningEndpoint endpoint, String role);

    void removed(RunningEndpoint endpoint);
  }

  public EndpointRegistry(Vertx vertx, String prefix, String nodeId) {
    this.vertx = vertx;
    this.prefix = prefix;
    this.nodeId = nodeId;
  }

  public String nodeId() {
    return nodeId;
  }

  /** The bus prefix the addresses of this node start with. */
  public String prefix() {
    return prefix;
  }

  public void add(RunningEndpoint endpoint, String role) {
    endpoints.put(endpoint.bus().addresses().base(), new Entry(endpoint, role));
    watchers.forEach(w -> w.added(endpoint, role));
  }

  public void remove(RunningEndpoint endpoint) {
    if (endpoints.remove(endpoint.bus().addresses().base()) != null) {
      watchers.forEach(w -> w.removed(endpoint));
    }
  }

  /** Tells {@code watcher} of the endpoints running now, then of each one added or removed. */
  public void watch(Watcher watcher) {
    watchers.add(watcher);
    endpoints.values().forEach(e -> watcher.added(e.endpoint(), e.role()));
  }

  public void unwatch(Watcher watcher) {
    watchers.remove(watcher);
  }

  public Future<Void> start() {
    consumers.add(vertx.eventBus().<Object>consumer(Addresses.endpointsOfNode(prefix, nodeId),
      message -> message.reply(listLocal())));
    consumers.add(vertx.eventBus().<Object>consumer(Addresses.endpoints(prefix), message -> listAll()
      .onSuccess(message::reply)
      .onFailure(e -> message.fail(500, "endpoints: " + e.getMessage()))));
    if (vertx.isClustered()) {
      // Hazelcast can take tens of seconds to notice a killed member; a missed heartbeat is faster.
      String alive = prefix + ".nodes.alive";
      consumers.add(vertx.eventBus().<String>consumer(alive, m -> lastHeard.put(m.body(), System.currentTimeMillis())));
      heartbeatTimer = vertx.setPeriodic(HEARTBEAT_MS, t -> vertx.eventBus().publish(alive, nodeId));
    }
    return vertx.sharedData().<String, Long>getAsyncMap(NODES_MAP)
      .compose(map -> {
        nodes = map;
        refreshTimer = vertx.setPeriodic(NODE_TTL_MS / 3, t -> map.put(nodeId, System.currentTimeMillis(), NODE_TTL_MS));
        return map.put(nodeId, System.currentTimeMillis(), NODE_TTL_MS);
      });
  }

  /**
   * The ids of the nodes currently in the cluster (this one included), without those not heard
   * from for {@link #DEAD_AFTER_MS}, whose entries are dropped from the shared map too.
   */
  public Future<List<String>> nodeIds() {
    if (nodes == null) {
      return Future.succeededFuture(List.of(nodeId));
    }
    return nodes.keys().map(keys -> {
      List<String> alive = new ArrayList<>();
      long now = System.currentTimeMillis();
      for (String id : keys) {
        // Found in the map counts as heard: a node that dies before its first heartbeat reaches us is
        // dead DEAD_AFTER_MS later, not after the map's time to live.
        lastHeard.putIfAbsent(id, now);
        if (isAlive(id)) {
          alive.add(id);
        } else {
          nodes.remove(id);
        }
      }
      return alive;
    });
  }

  /**
   * Whether a node is this one, is not known here yet (a connection id names its node before any
   * listing did), or was heard from (or first found in the map) within {@link #DEAD_AFTER_MS}.
   */
  public boolean isAlive(String id) {
    Long heard = lastHeard.get(id);
    return id.equals(nodeId) || heard == null || System.currentTimeMillis() - heard < DEAD_AFTER_MS;
  }

  public Future<Void> stop() {
    vertx.cancelTimer(refreshTimer);
    vertx.cancelTimer(heartbeatTimer);
    consumers.forEach(MessageConsumer::unregister);
    consumers.clear();
    return nodes == null ? Future.succeededFuture() : nodes.remove(nodeId).mapEmpty();
  }

  /** The endpoints of this node only. */
  public JsonObject listLocal() {
    JsonArray list = new JsonArray();
    endpoints.values().forEach(e -> list.add(e.endpoint().describe(e.role())));
    return new JsonObject().put("node", nodeId).put("endpoints", list);
  }

  /** The endpoints of every node; nodes that do not answer in time are named in {@code unreachable}. */
  public Future<JsonObject> listAll() {
    if (nodes == null) {
      return Future.succeededFuture(listLocal().put("unreachable", new JsonArray()));
    }
    return nodeIds().compose(order -> {
      List<Future<JsonObject>> answers = new ArrayList<>();
      DeliveryOptions options = new DeliveryOptions().setSendTimeout(NODE_ANSWER_TIMEOUT_MS);
      for (String id : order) {
        answers.add(id.equals(nodeId)
          ? Future.succeededFuture(listLocal())
          : vertx.eventBus().<JsonObject>request(Addresses.endpointsOfNode(prefix, id), null, options)
              .map(reply -> reply.body()));
      }
      return Future.join(answers).transform(ignored -> {
        JsonArray all = new JsonArray();
        JsonArray unreachable = new JsonArray();
        for (int i = 0; i < answers.size(); i++) {
          Future<JsonObject> answer = answers.get(i);
          if (answer.succeeded()) {
            answer.result().getJsonArray("endpoints").forEach(all::add);
          } else {
            unreachable.add(order.get(i));
          }
        }
        return Future.succeededFuture(new JsonObject().put("endpoints", all).put("unreachable", unreachable));
      });
    });
  }
}
