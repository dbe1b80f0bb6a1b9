package io.gamebus.bus;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This JVM's short node id and its connection id sequence. Connection ids are
 * {@code <node>-<n>}: unique across the cluster, and they name the node that owns the socket,
 * so a {@code .out} message for a connection can be forwarded to that node.
 */
public final class NodeIdentity {

  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  private final String id;
  private final AtomicLong connections = new AtomicLong();

  public NodeIdentity(String id) {
    if (id.isEmpty() || id.indexOf('-') >= 0 || id.indexOf('.') >= 0) {
      throw new IllegalArgumentException("node id must be non-empty without '-' or '.': " + id);
    }
    this.id = id;
  }

  /** A random 8-character id: collisions across a cluster are negligible (36^8). */
  public static NodeIdentity random() {
    SecureRandom random = new SecureRandom();
    char[] chars = new char[8];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new NodeIdentity(new String(chars));
  }

  public String id() {
    return id;
  }

  /** A new connection id owned by this node. */
  public String nextConnectionId() {
    return id + "-" + connections.incrementAndGet();
  }

  /** The node that owns a connection id, or null when the id is not one of ours. */
  public static String ownerOf(String connectionId) {
    int dash = connectionId == null ? -1 : connectionId.indexOf('-');
    return dash <= 0 ? null : connectionId.substring(0, dash);
  }
}
