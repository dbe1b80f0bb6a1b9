package io.gamebus.config;

import io.vertx.core.json.JsonObject;

/**
 * One of your own verticles the node deploys after its endpoints and console, from the classpath.
 *
 * <pre>{@code "deploy": [{"verticle": "my.Greeter", "instances": 1, "config": {"endpoint": "lobby"}}]}</pre>
 *
 * <p>{@code --deploy my.Greeter} on the command line adds an entry with the defaults. Whether the
 * class exists and is a verticle is checked by the launcher, which has the classpath.
 */
public final class DeployConfig extends ConfigObject {

  /** A Java class name: dotted identifiers, {@code $} for a nested class. */
  private static final String CLASS_NAME = "[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*";
  public static final int MAX_INSTANCES = 64;

  private final String verticle;
  private final int instances;
  private final JsonObject config;

  DeployConfig(JsonFields f) {
    verticle = f.matching("verticle", null, CLASS_NAME, "a Java class name such as my.package.MyVerticle");
    if (verticle == null) {
      throw f.error("verticle", "required");
    }
    instances = f.integer("instances", 1, 1, MAX_INSTANCES);
    config = f.rawObject("config", new JsonObject());
    // A verticle's settings are still in the file: credentials come from the environment.
    EndpointConfig.rejectSecrets(config, f.path("config"));
    f.done();
  }

  /** One entry as {@code --deploy CLASS} gives it: one instance, empty config. */
  public static JsonObject entry(String verticle) {
    return new JsonObject().put("verticle", verticle);
  }

  /** Fully qualified class name of a {@code io.vertx.core.Deployable} with a public no-argument constructor. */
  public String verticle() {
    return verticle;
  }

  /** How many instances to deploy; default 1, at most {@value #MAX_INSTANCES}. */
  public int instances() {
    return instances;
  }

  /** What the verticle's {@code config()} returns; default {@code {}}. A copy. */
  public JsonObject config() {
    return config.copy();
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("verticle", verticle).put("instances", instances).put("config", config.copy());
  }
}
