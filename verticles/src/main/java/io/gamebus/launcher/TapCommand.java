package io.gamebus.launcher;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code tap [ADDRESS-PATTERN] [--url URL] [--token JWT] [--count N]}: prints what a running node
 * publishes, one JSON line per message ({@code {"address", "body", "headers"?}}), through its
 * browser bridge, until interrupted, the node closes the socket, or N lines were printed.
 *
 * <p>The bridge registers exact addresses, so a pattern with wildcards ({@link AddressGlob}) is
 * turned into registrations: the node's endpoints come from {@code GET /api/endpoints} (what the
 * console reads), and each endpoint's {@code .in}, {@code .sent} and {@code .status} whose
 * addresses the pattern reaches is registered; what arrives is printed when the pattern matches
 * its address, or for an envelope on {@code .in}/{@code .sent} the address of its type
 * ({@code .in.<type>}). An exact address is registered as it is. Endpoints started after the tap
 * are not seen. A registration the bridge refuses prints its reason; when none is left, or the
 * pattern reaches nothing, the exit code is 1. Exit 2: a bad command line. Once every
 * registration is in place, stderr says {@code gamebus tap: listening on N address(es) at URL}.
 */
final class TapCommand {

  static final String USAGE = "usage: java -jar gamebus.jar tap [ADDRESS-PATTERN] [--url " + BridgeLine.DEFAULT_URL
    + "] [--token JWT] [--count N]\n"
    + "  ADDRESS-PATTERN  an address, or a pattern: * within one part, ** across parts (default gamebus.**)";
  static final List<String> CHANNELS = List.of("in", "sent", "status");
  /**
   * The {@code lastSeq} of each {@code register}: no envelope has a higher seq, so the bridge
   * replays nothing but answers with its recovery report once the registration is in place,
   * which is how the tap knows it listens (and says so on stderr). The report is not printed.
   */
  static final long CONFIRM_ONLY = (1L << 53) - 1;
  private static final String RECOVERY = "gamebus-recovery";

  private TapCommand() {
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandArgs parsed;
    AddressGlob glob;
    long count;
    try {
      parsed = CommandArgs.parse(args, Set.of("--url", "--token", "--count"), Set.of());
      if (parsed.positional().size() > 1) {
        throw new IllegalArgumentException("one ADDRESS-PATTERN at most");
      }
      glob = new AddressGlob(parsed.positional().isEmpty() ? "gamebus.**" : parsed.positional().get(0));
      count = Long.parseLong(parsed.option("--count", "0"));
      if (count < 0) {
        throw new IllegalArgumentException("--count is not negative");
      }
    } catch (IllegalArgumentException e) {
      err.println("gamebus tap: " + e.getMessage() + "\n" + USAGE);
      return 2;
    }
    URI url = parsed.url();
    Vertx vertx = Vertx.vertx();
    try {
      return new Tap(vertx, url, parsed.option("--token", null), glob, count, out, err).run();
    } finally {
      vertx.close();
    }
  }

  private static final class Tap {
    private final Vertx vertx;
    private final URI url;
    private final String token;
    private final AddressGlob glob;
    private final long count;
    private final PrintStream out;
    private final PrintStream err;
    private final Promise<Integer> done = Promise.promise();
    private final Set<String> registered = new LinkedHashSet<>();
    private final Set<String> unconfirmed = new LinkedHashSet<>();
    private io.vertx.core.http.HttpClient http;
    private long printed;

    Tap(Vertx vertx, URI url, String token, AddressGlob glob, long count, PrintStream out, PrintStream err) {
      this.vertx = vertx;
      this.url = url;
      this.token = token;
      this.glob = glob;
      this.count = count;
      this.out = out;
      this.err = err;
    }

    int run() {
      Future<List<String>> addresses = glob.isExact() ? Future.succeededFuture(List.of(glob.text())) : expand();
      addresses.compose(list -> {
        if (list.isEmpty()) {
          return Future.failedFuture("the pattern " + glob.text() + " reaches no address of the node's endpoints");
        }
        return BridgeLine.connect(vertx, url, token, this::frame, this::closed).map(line -> {
            registered.addAll(list);
            unconfirmed.addAll(list);
            list.forEach(a -> line.send(new JsonObject().put("type", "register").put("address", a)
              .put("headers", new JsonObject().put("lastSeq", CONFIRM_ONLY))));
            return line;
          });
      }).onFailure(e -> done.tryComplete(fail(e.getMessage())));
      try {
        return done.future().await();
      } catch (Exception e) {
        return fail(e.getMessage());
      }
    }

    /** The node's endpoints, from the console's list, as the base channels the pattern reaches. */
    private Future<List<String>> expand() {
      String prefix = glob.text().contains(".") && !glob.text().startsWith("*")
        ? glob.text().substring(0, glob.text().indexOf('.')) : "gamebus";
      // A field, not a temporary: Vert.x closes the connections of a garbage-collected client.
      http = vertx.createHttpClient();
      return http.request(HttpMethod.GET, port(), url.getHost(), "/api/endpoints")
        .compose(request -> request.putHeader("accept", "application/json").send())
        .compose(response -> response.statusCode() == 200 ? response.body()
          : Future.failedFuture("GET " + BridgeLine.origin(url) + "/api/endpoints answered " + response.statusCode()))
        .map(body -> {
          List<String> list = new ArrayList<>();
          JsonArray endpoints = body.toJsonObject().getJsonArray("endpoints", new JsonArray());
          for (int i = 0; i < endpoints.size(); i++) {
            JsonObject e = endpoints.getJsonObject(i);
            for (String channel : CHANNELS) {
              String address = prefix + "." + e.getString("protocol") + "." + e.getString("name") + "." + channel;
              if (glob.reaches(address) && !list.contains(address)) {
                list.add(address);
              }
            }
          }
          return list;
        });
    }

    private int port() {
      return url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }

    private void frame(JsonObject frame) {
      String type = frame.getString("type");
      String address = frame.getString("address");
      if ("err".equals(type)) {
        err.println("gamebus tap: refused" + (address == null ? "" : " " + address) + ": "
          + frame.getString("message", String.valueOf(frame.getValue("body"))));
        if (address != null && registered.remove(address) && registered.isEmpty()) {
          done.tryComplete(fail("every registration was refused"));
        } else if (address != null) {
          confirmed(address);
        }
        return;
      }
      if (frame.getValue("headers") instanceof JsonObject headers && headers.containsKey(RECOVERY)) {
        confirmed(address);
        return;
      }
      if (!"rec".equals(type) || address == null || !matches(address, frame.getValue("body"))) {
        return;
      }
      JsonObject line = new JsonObject().put("address", address).put("body", frame.getValue("body"));
      if (frame.getValue("headers") instanceof JsonObject headers && !headers.isEmpty()) {
        line.put("headers", headers);
      }
      out.println(line.encode());
      out.flush();
      if (count > 0 && ++printed >= count) {
        done.tryComplete(0);
      }
    }

    /** Once every registration is in place (or refused), says so: from then on nothing is missed. */
    private void confirmed(String address) {
      if (unconfirmed.remove(address) && unconfirmed.isEmpty()) {
        err.println("gamebus tap: listening on " + registered.size() + " address(es) at " + url);
      }
    }

    /** The address it came on, or the address of its type when it is an envelope on .in/.sent. */
    private boolean matches(String address, Object body) {
      if (glob.isExact() || glob.matches(address)) {
        return true;
      }
      boolean envelopes = address.endsWith(".in") || address.endsWith(".sent");
      return envelopes && body instanceof JsonObject envelope && envelope.getValue("type") instanceof String type
        && glob.matches(address + "." + type);
    }

    private void closed(String why) {
      if (!done.future().isComplete()) { // not our own close, once done
        done.tryComplete(fail("the node closed the bridge socket: " + why));
      }
    }

    private int fail(String why) {
      err.println("gamebus tap: " + why);
      return 1;
    }
  }
}
