package io.gamebus.config;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What one role or one user of {@code bridge.auth} may do besides the bridge's defaults: more
 * addresses to send or publish to ({@code inbound}) and to listen on ({@code outbound}). Both lists
 * default to empty.
 *
 * <pre>{@code {"inbound": [{"address": "ops.restart"}], "outbound": [{"addressRegex": "ops\\..+"}]}}</pre>
 */
public final class BridgeGrant extends ConfigObject {

  private final List<PermittedAddress> inbound;
  private final List<PermittedAddress> outbound;

  BridgeGrant(JsonFields f) {
    inbound = f.list("inbound", List.of(), JsonFields.objects(PermittedAddress::new));
    outbound = f.list("outbound", List.of(), JsonFields.objects(PermittedAddress::new));
    f.done();
  }

  public static BridgeGrant fromJson(JsonObject json) {
    return new BridgeGrant(JsonFields.of(json, ""));
  }

  /** Addresses added to {@code bridge.inbound} (browser to bus); default none. */
  public List<PermittedAddress> inbound() {
    return inbound;
  }

  /** Addresses added to {@code bridge.outbound} (bus to browser); default none. */
  public List<PermittedAddress> outbound() {
    return outbound;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("inbound", PermittedAddress.toJson(inbound))
        .put("outbound", PermittedAddress.toJson(outbound));
  }
}
