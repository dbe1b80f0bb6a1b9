package io.gamebus.endpoint;

/**
 * Loads, at start-up, the classes that accepting and refusing a connection needs. Loading a class
 * may need a file descriptor (a jar to open); once the process has none left, a class first met
 * on the accept path fails with NoClassDefFoundError and the accept loop dies for good.
 */
final class AcceptPath {

  private static volatile boolean loaded;

  private AcceptPath() {
  }

  static void preload() {
    if (loaded) {
      return;
    }
    Class<?>[] used = {ConnectionTable.class, ConnectionBudget.class, ServerLink.class, Outgoing.class,
      Limits.class, RateLimit.class, WebGuard.class, Wire.class, io.gamebus.bus.StatusEvent.class,
      io.gamebus.bus.BusError.class, io.vertx.core.http.ServerWebSocketHandshake.class};
    for (Class<?> type : used) {
      try {
        Class.forName(type.getName(), true, type.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    loaded = true;
  }
}
