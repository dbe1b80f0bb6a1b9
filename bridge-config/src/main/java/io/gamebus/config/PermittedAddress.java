package io.gamebus.config;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One event-bus address, or a family of them, that the browser bridge lets through. Exactly one of
 * {@code address} (an exact address) and {@code addressRegex} (a Java regular expression that must
 * match the whole address) is set, as in Vert.x's own {@code PermittedOptions}.
 *
 * <pre>{@code {"addressRegex": "gamebus\\..+\\.out"}   {"address": "gamebus.endpoints"}}</pre>
 */
public final class PermittedAddress extends ConfigObject {

  private final String address;
  private final String addressRegex;

  PermittedAddress(JsonFields f) {
    this.address = f.string("address", null);
    this.addressRegex = f.string("addressRegex", null);
    if ((address == null) == (addressRegex == null)) {
      throw new ConfigException(f.path(), "set exactly one of address and addressRegex");
    }
    if (address != null && address.isEmpty()) {
      throw f.error("address", "must not be empty");
    }
    if (addressRegex != null) {
      try {
        Pattern.compile(addressRegex);
      } catch (PatternSyntaxException e) {
        throw f.error("addressRegex", "'" + addressRegex + "' is not a regular expression: "
            + e.getDescription() + " near index " + e.getIndex());
      }
    }
    f.done();
  }

  public static PermittedAddress fromJson(JsonObject json) {
    return new PermittedAddress(JsonFields.of(json, ""));
  }

  /** Permits exactly this address. */
  public static PermittedAddress address(String address) {
    return fromJson(new JsonObject().put("address", address));
  }

  /** Permits every address that {@code regex} matches entirely. */
  public static PermittedAddress addressRegex(String regex) {
    return fromJson(new JsonObject().put("addressRegex", regex));
  }

  /** The exact address, or {@code null} when {@link #addressRegex()} is set. */
  public String address() {
    return address;
  }

  /** The regular expression, or {@code null} when {@link #address()} is set. */
  public String addressRegex() {
    return addressRegex;
  }

  /** Whether this entry lets {@code candidate} through. */
  public boolean permits(String candidate) {
    return address != null ? address.equals(candidate) : candidate.matches(addressRegex);
  }

  /** The JSON form of a list of entries, as {@code inbound} and {@code outbound} are written. */
  static io.vertx.core.json.JsonArray toJson(java.util.List<PermittedAddress> entries) {
    io.vertx.core.json.JsonArray array = new io.vertx.core.json.JsonArray();
    entries.forEach(p -> array.add(p.toJson()));
    return array;
  }

  @Override
  public JsonObject toJson() {
    return address != null
        ? new JsonObject().put("address", address)
        : new JsonObject().put("addressRegex", addressRegex);
  }
}
