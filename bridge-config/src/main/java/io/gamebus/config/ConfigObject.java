package io.gamebus.config;

import io.vertx.core.json.JsonObject;

/**
 * What every configuration class shares: it is a value, compared and printed by its JSON form, so
 * that equality and {@code toString()} can never drift from {@link #toJson()}.
 */
abstract class ConfigObject {

  /** The JSON form, with every default written out; reading it back gives an equal object. */
  public abstract JsonObject toJson();

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && toJson().equals(((ConfigObject) o).toJson());
  }

  @Override
  public final int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public final String toString() {
    return toJson().encode();
  }
}
