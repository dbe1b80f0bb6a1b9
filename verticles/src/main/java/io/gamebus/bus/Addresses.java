package io.gamebus.bus;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The addresses of one endpoint: {@code <prefix>.<protocol>.<endpoint>.<channel>} (DESIGN.md §5).
 * Built once per endpoint; the per-type addresses are concatenated on demand.
 */
public final class Addresses {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");

  private final String prefix;
  private final String base;

  public Addresses(String prefix, String protocol, String endpoint) {
    this.prefix = segment(prefix, "prefix");
    this.base = this.prefix + "." + segment(protocol, "protocol") + "." + segment(endpoint, "endpoint");
  }

  /** {@code <prefix>.endpoints}: the endpoints of every node, with role, state and counters. */
  public static String endpoints(String prefix) {
    return prefix + ".endpoints";
  }

  /** Per-node form of {@link #endpoints(String)}, answered by that node only. */
  public static String endpointsOfNode(String prefix, String nodeId) {
    return prefix + ".endpoints.node." + nodeId;
  }

  public String prefix() { return prefix; }
  /** {@code <prefix>.<protocol>.<endpoint>} */
  public String base() { return base; }
  /** Every decoded wire message (publish). */
  public String in() { return base + ".in"; }
  /** The same messages, one address per message type (publish). */
  public String in(String type) { return base + ".in." + type; }
  /** Every message written to a peer (publish). */
  public String sent() { return base + ".sent"; }
  /** The same written messages, one address per message type (publish). */
  public String sent(String type) { return base + ".sent." + type; }
  /** A message to write to the wire (send/request). */
  public String out() { return base + ".out"; }
  /** The {@code .out} of this endpoint on one node: where a connection's owner node listens. */
  public String outOnNode(String nodeId) { return base + ".out.node." + nodeId; }
  /** Client role: a call whose reply is the decoded response. */
  public String request() { return base + ".request"; }
  /** Server role: a bus handler answering a client's call. */
  public String handle(String method) { return base + ".handle." + method; }
  /** Lifecycle events (publish). */
  public String status() { return base + ".status"; }
  /** Server role: the open connections of every node (request). */
  public String connections() { return base + ".connections"; }
  /** Per-node form of {@link #connections()}, answered by that node only. */
  public String connectionsOnNode(String nodeId) { return base + ".connections.node." + nodeId; }
  /** Server role: closes the connection named by the {@code connection} header (request). */
  public String close() { return base + ".close"; }
  /** Per-node form of {@link #close()}: where the connection's owner node listens. */
  public String closeOnNode(String nodeId) { return base + ".close.node." + nodeId; }

  private static String segment(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!SEGMENT.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a valid address segment");
    }
    return value;
  }
}
