package io.gamebus.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The Prometheus registry of each Vert.x instance gamebus runs on, one per instance (several nodes
 * may share a JVM, as in the tests). {@link #collecting()} gives what a Vert.x builder needs to
 * collect Vert.x's own metrics and the JVM's into a fresh registry; for an instance built elsewhere
 * without them the console makes a registry of JVM metrics only ({@link #jvmOnly()}) and closes it
 * when it stops.
 */
public final class NodeMeters {

  /**
   * The labels Vert.x puts on its own metrics ({@code method} folded to the known methods and
   * {@code other}). Left out on purpose: {@code address} (gamebus has an
   * address per message type a peer may name, and one per pending reply; moot while event-bus
   * metrics are off, kept out should they be turned on), {@code local} and {@code remote} (one
   * series per peer), {@code path} (whatever a client asks for).
   */
  static final EnumSet<Label> VERTX_LABELS = EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
    Label.POOL_NAME);

  /**
   * Vert.x registers some gauges (HTTP client requests in flight) once per request under one id
   * and adds their values up as meant; Micrometer reports the first repeat as a warning. Held here
   * so that the level set in {@link #collecting()} is not lost with a collected logger.
   */
  private static final java.util.logging.Logger REPEATED_REGISTRATION =
    java.util.logging.Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");
  /** The methods Vert.x knows by name; any other is labelled {@code other}. */
  private static final Set<String> KNOWN_METHODS =
    HttpMethod.values().stream().map(HttpMethod::name).collect(Collectors.toUnmodifiableSet());
  private static final Map<Vertx, PrometheusMeterRegistry> REGISTRIES = Collections.synchronizedMap(new WeakHashMap<>());
  private static final AtomicInteger NEXT = new AtomicInteger();

  private NodeMeters() {
  }

  /** The metrics options and factory for one Vert.x instance; {@link #register} it once built. */
  public record Collecting(MicrometerMetricsOptions options, MicrometerMetricsFactory factory,
                           PrometheusMeterRegistry registry) {

    /** Ties the registry to the instance built with these options, for {@link NodeMeters#registered}. */
    public Vertx register(Vertx vertx) {
      REGISTRIES.put(vertx, registry);
      return vertx;
    }
  }

  /** Vert.x and JVM metrics into a new registry of their own (Vert.x keys registries by name: each gets a new one). */
  public static Collecting collecting() {
    if (REPEATED_REGISTRATION.getLevel() == null) { // unless the operator set a level of their own
      REPEATED_REGISTRATION.setLevel(java.util.logging.Level.SEVERE);
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // A peer names the HTTP method (any token): one made up per request would be a new series each.
    registry.config().meterFilter(MeterFilter.replaceTagValues(Label.HTTP_METHOD.toString(),
      method -> KNOWN_METHODS.contains(method) ? method : "other"));
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
      .setEnabled(true)
      .setRegistryName("gamebus-" + NEXT.incrementAndGet())
      .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
      .setJvmMetricsEnabled(true)
      .setLabels(VERTX_LABELS)
      // Per message, Vert.x's event-bus metrics halved local request/reply throughput (MetricsCost);
      // the endpoints' own counters already count every message.
      .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS);
    return new Collecting(options, new MicrometerMetricsFactory(registry), registry);
  }

  /** The registry {@code vertx} was built with ({@link Collecting#register}), or null. */
  public static PrometheusMeterRegistry registered(Vertx vertx) {
    return REGISTRIES.get(vertx);
  }

  /** A registry of the JVM's metrics (the same as Vert.x binds); closing it releases the GC listener. */
  public static PrometheusMeterRegistry jvmOnly() {
    JvmGcMetrics gc = new JvmGcMetrics();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) {
      @Override
      public void close() {
        gc.close();
        super.close();
      }
    };
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    return registry;
  }
}
