package io.gamebus.rpfm;

import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.UpstreamHttp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

import java.net.ConnectException;
import java.net.URI;

/**
 * The client role's {@code GET /version} before each connection attempt, as the real UI probes the
 * server. Its answer tells whether the server process is the one the last session lived in: RPFM's
 * sessions live in the process, and a new process counts session ids from 1 again, so resuming
 * "session 1" would silently land in a fresh session. A new pid, or a refused connection since the
 * last answer (nothing listened: the process was gone), means a restart. A server without
 * {@code /version} (or one that does not answer) tells nothing, and the attempt goes on.
 */
final class RpfmServerProbe {

  private static final long TIMEOUT_MS = 2_000;
  private static final int MAX_BYTES = 64 * 1024;

  private final UpstreamHttp http;
  private final String versionUrl;
  private final EndpointBus bus;
  private Long lastPid;
  private String gone;

  RpfmServerProbe(Vertx vertx, String socketUrl, EndpointBus bus) {
    this.http = new UpstreamHttp(vertx, TIMEOUT_MS, MAX_BYTES);
    URI ws = URI.create(socketUrl);
    this.versionUrl = ("wss".equals(ws.getScheme()) ? "https" : "http") + "://" + ws.getRawAuthority() + "/version";
    this.bus = bus;
  }

  /** Null when nothing says the server restarted since the last check; else why it did. */
  Future<String> check() {
    return http.request(HttpMethod.GET, versionUrl, null, null).transform(done -> {
      if (done.failed()) {
        if (done.cause() instanceof ConnectException) {
          gone = "nothing listened at " + versionUrl + " (the server process was gone)";
        }
        return Future.succeededFuture(null);
      }
      String restarted = gone;
      gone = null;
      Long pid = pidOf(done.result());
      if (pid != null) {
        if (lastPid != null && !lastPid.equals(pid)) {
          restarted = "the server restarted (pid " + lastPid + " -> " + pid + ")";
        }
        lastPid = pid;
      }
      return Future.succeededFuture(restarted);
    });
  }

  private Long pidOf(UpstreamHttp.Response response) {
    try {
      return response.ok() && response.json().getValue("pid") instanceof Number n ? n.longValue() : null;
    } catch (IllegalStateException e) {
      bus.badInput(null, "GET /version: " + e.getMessage());
      return null;
    }
  }

  Future<Void> close() {
    return http.close();
  }
}
