package io.gamebus.codecs.red;

import io.vertx.core.json.JsonObject;

/** A typed view over one JSON object: equal when of the same class over equal objects. */
abstract class JsonView {

  private final JsonObject json;

  JsonView(JsonObject json) {
    this.json = json;
  }

  /** The object itself, not a copy. */
  public JsonObject json() {
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && json.equals(((JsonView) o).json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + json.encode();
  }
}
