package io.gamebus.launcher;

import io.gamebus.bridge.ConsoleServer;
import io.gamebus.bus.Gamebus;
import io.gamebus.bus.NodeIdentity;
import io.gamebus.config.EndpointConfig;
import io.gamebus.config.GamebusConfig;
import io.gamebus.endpoint.ConnectionBudget;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.EndpointRegistry;
import io.gamebus.dfhack.DfhackClientEndpoint;
import io.gamebus.dfhack.DfhackServerEndpoint;
import io.gamebus.faf.FafClientEndpoint;
import io.gamebus.faf.FafServerEndpoint;
import io.gamebus.modrinth.ModrinthClientEndpoint;
import io.gamebus.modrinth.ModrinthOptions;
import io.gamebus.modrinth.ModrinthServerEndpoint;
import io.gamebus.rpfm.RpfmClientEndpoint;
import io.gamebus.rpfm.RpfmServerEndpoint;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one gamebus node runs on a Vert.x instance: the endpoint registry, one verticle per
 * configured endpoint, the console with the browser bridge, and then the operator's own verticles
 * ({@code deploy}). Used by {@link Main} and by tests (with port 0 listeners).
 */
public final class GamebusNode {

  private static final System.Logger LOG = System.getLogger(GamebusNode.class.getName());

  private final Vertx vertx;
  private final GamebusConfig config;
  private final NodeIdentity identity = NodeIdentity.random();
  private final EndpointRegistry registry;
  private final ConnectionBudget budget;
  private final Map<String, Deployable> endpoints = new LinkedHashMap<>();
  private final List<String> deployments = new ArrayList<>();
  private final List<String> ownDeployments = new ArrayList<>();
  private ConsoleServer console;

  private GamebusNode(Vertx vertx, GamebusConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.registry = new EndpointRegistry(vertx, config.busPrefix(), identity.id());
    this.budget = ConnectionBudget.forThisProcess();
    long configured = config.endpoints().stream().filter(e -> e.role() == io.gamebus.config.Role.SERVER)
      .mapToLong(e -> e.limits().maxConnections()).sum();
    String warning = budget.warning(configured);
    if (warning != null) {
      LOG.log(System.Logger.Level.WARNING, warning);
    }
    SecretChecks.warnings(config, System::getenv).forEach(line -> LOG.log(System.Logger.Level.WARNING, line));
  }

  /**
   * Starts every endpoint, then the console, then the {@code deploy} verticles; fails naming the
   * endpoint or verticle that could not start.
   */
  public static Future<GamebusNode> start(Vertx vertx, GamebusConfig config) {
    Gamebus.install(vertx);
    GamebusNode node = new GamebusNode(vertx, config);
    return node.registry.start().compose(v -> node.deployEndpoints(0)).compose(v -> node.deployConsole())
      .compose(v -> node.deployOwn(0))
      .map(node)
      .recover(failure -> node.stop().transform(ignored -> Future.failedFuture(failure)));
  }

  private Future<Void> deployEndpoints(int index) {
    if (index == config.endpoints().size()) {
      return Future.succeededFuture();
    }
    EndpointConfig endpoint = config.endpoints().get(index);
    String name = endpoint.protocol().id() + "." + endpoint.name();
    Deployable verticle;
    try {
      verticle = create(endpoint);
    } catch (RuntimeException e) {
      return Future.failedFuture("endpoint " + name + ": " + e.getMessage());
    }
    return vertx.deployVerticle(verticle)
      .recover(e -> Future.failedFuture("endpoint " + name + ": " + e.getMessage()))
      .compose(id -> {
        deployments.add(id);
        endpoints.put(name, verticle);
        return deployExamples(endpoint);
      })
      .compose(v -> deployEndpoints(index + 1));
  }

  /**
   * The example handlers beside a server endpoint that asks for them: DFHack's
   * {@code options.exampleCommands} (help, echo), RPFM's {@code options.exampleHandlers} (packs),
   * Modrinth's {@code options.exampleServer}, Red's {@code options.exampleMethods}.
   */
  private Future<Void> deployExamples(EndpointConfig endpoint) {
    if (endpoint.role() != io.gamebus.config.Role.SERVER) {
      return Future.succeededFuture();
    }
    Deployable examples = switch (endpoint.protocol()) {
      case DFHACK -> io.gamebus.dfhack.DfhackOptions.from(endpoint).exampleCommands()
        ? new io.gamebus.examples.DfhackExampleCommands(config.busPrefix(), endpoint.name()) : null;
      case RPFM -> io.gamebus.rpfm.RpfmOptions.from(endpoint).exampleHandlers()
        ? new io.gamebus.examples.RpfmExamplePacks(config.busPrefix(), endpoint.name()) : null;
      case RED -> io.gamebus.red.RedOptions.from(endpoint).exampleMethods()
        ? new io.gamebus.examples.RedExampleMethods(config.busPrefix(), endpoint.name()) : null;
      case MODRINTH -> ModrinthOptions.from(endpoint).exampleServer()
        ? new io.gamebus.examples.ModrinthExampleServer(config.busPrefix(), endpoint.name(), ModrinthOptions.DEMO_SERVER)
        : null;
      default -> null;
    };
    if (examples == null) {
      return Future.succeededFuture();
    }
    return vertx.deployVerticle(examples).map(id -> {
      deployments.add(id);
      return null;
    });
  }

  private Deployable create(EndpointConfig endpoint) {
    EndpointContext context = new EndpointContext(endpoint, config.busPrefix(), identity, registry, budget);
    boolean server = endpoint.role() == io.gamebus.config.Role.SERVER;
    return switch (endpoint.protocol()) {
      case FAF -> server ? new FafServerEndpoint(context) : new FafClientEndpoint(context);
      case DFHACK -> server ? new DfhackServerEndpoint(context) : new DfhackClientEndpoint(context);
      case RPFM -> server ? new RpfmServerEndpoint(context) : new RpfmClientEndpoint(context);
      case MODRINTH -> server ? new ModrinthServerEndpoint(context) : new ModrinthClientEndpoint(context);
      case RED -> server ? new io.gamebus.red.RedServerEndpoint(context) : new io.gamebus.red.RedClientEndpoint(context);
    };
  }

  private Future<Void> deployConsole() {
    console = new ConsoleServer(config.http(), config.bridge(), registry);
    return vertx.deployVerticle(console).map(id -> {
      deployments.add(id);
      return null;
    });
  }

  /** The operator's verticles, one after the other, so a failure names the first that failed. */
  private Future<Void> deployOwn(int index) {
    if (index == config.deploy().size()) {
      return Future.succeededFuture();
    }
    return OwnVerticles.deploy(vertx, config.deploy().get(index), index).compose(id -> {
      ownDeployments.add(id);
      return deployOwn(index + 1);
    });
  }

  /**
   * Undeploys the operator's verticles first, while the endpoints still run (so their stop() can
   * still send), then everything else at once (listeners closed, queued writes flushed): one grace period for
   * the node, not one per listener in turn; a WebSocket peer that does not answer the close is cut
   * after {@link io.gamebus.endpoint.ServerListeners#CLOSING_TIMEOUT_SECONDS}.
   */
  public Future<Void> stop() {
    List<Future<Void>> own = new ArrayList<>();
    for (String id : ownDeployments) {
      own.add(vertx.undeploy(id).otherwiseEmpty());
    }
    ownDeployments.clear();
    return Future.join(own).transform(v -> stopEndpointsAndConsole());
  }

  private Future<Void> stopEndpointsAndConsole() {
    List<Future<Void>> undeploying = new ArrayList<>();
    for (String id : deployments) {
      undeploying.add(vertx.undeploy(id).otherwiseEmpty());
    }
    deployments.clear();
    return Future.join(undeploying).transform(v -> registry.stop().otherwiseEmpty());
  }

  public Vertx vertx() { return vertx; }
  public String nodeId() { return identity.id(); }
  public EndpointRegistry registry() { return registry; }
  /** The connections this node may hold open at once, across all its endpoints. */
  public ConnectionBudget budget() { return budget; }
  public ConsoleServer console() { return console; }

  /** The deployed endpoint verticles by {@code protocol.name}. */
  public Map<String, Deployable> endpoints() { return Map.copyOf(endpoints); }

  /** The DFHack server endpoint of that name, for reading its actual ports. */
  public io.gamebus.dfhack.DfhackServerEndpoint dfhackServer(String name) {
    return (io.gamebus.dfhack.DfhackServerEndpoint) endpoints.get("dfhack." + name);
  }

  /** The RPFM server endpoint of that name, for reading its actual port. */
  public RpfmServerEndpoint rpfmServer(String name) {
    return (RpfmServerEndpoint) endpoints.get("rpfm." + name);
  }

  /** The Red server endpoint of that name, for reading its actual port. */
  public io.gamebus.red.RedServerEndpoint redServer(String name) {
    return (io.gamebus.red.RedServerEndpoint) endpoints.get("red." + name);
  }

  /** The Modrinth server endpoint of that name, for reading its actual port. */
  public ModrinthServerEndpoint modrinthServer(String name) {
    return (ModrinthServerEndpoint) endpoints.get("modrinth." + name);
  }

  /** The FAF server endpoint of that name, for reading its actual ports. */
  public FafServerEndpoint fafServer(String name) {
    return (FafServerEndpoint) endpoints.get("faf." + name);
  }
}
