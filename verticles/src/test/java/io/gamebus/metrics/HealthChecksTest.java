package io.gamebus.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What each endpoint listing entry makes of readiness, without a network. */
class HealthChecksTest {

  private static JsonObject server(String state) {
    return new JsonObject().put("node", "n1").put("protocol", "faf").put("name", "lobby").put("role", "server")
      .put("state", state).put("listeners", new JsonArray().add("tcp://127.0.0.1:8002"));
  }

  private static JsonObject client(String state) {
    return new JsonObject().put("node", "n1").put("protocol", "red").put("name", "bot").put("role", "client")
      .put("state", state).put("url", "ws://127.0.0.1:6133/");
  }

  @Test
  void aServerEndpointIsReadyOnlyWhileListening() {
    JsonObject up = HealthRoute.endpointCheck(server("listening"));
    assertEquals("UP", up.getString("status"));
    assertEquals("faf.lobby", up.getString("name"));
    assertNull(up.getJsonObject("data").getString("reason"));
    JsonObject stopped = HealthRoute.endpointCheck(server("stopped"));
    assertEquals("DOWN", stopped.getString("status"));
    assertEquals("the server endpoint is stopped, not listening", stopped.getJsonObject("data").getString("reason"));
  }

  @Test
  void aClientEndpointIsReadyOnlyWhileConnected() {
    assertEquals("UP", HealthRoute.endpointCheck(client("connected")).getString("status"));
    for (String state : new String[] {"connecting", "reconnecting", "failed", "stopped"}) {
      JsonObject down = HealthRoute.endpointCheck(client(state));
      assertEquals("DOWN", down.getString("status"), state);
      assertEquals("the client endpoint is " + state + ", not connected to ws://127.0.0.1:6133/",
        down.getJsonObject("data").getString("reason"));
    }
  }

  @Test
  void aClientEndpointConnectedButNotLoggedInIsNotReady() {
    JsonObject faf = client("connected").put("protocol", "faf").put("name", "upstream").put("authenticated", false);
    JsonObject down = HealthRoute.endpointCheck(faf);
    assertEquals("DOWN", down.getString("status"));
    assertEquals("connected to ws://127.0.0.1:6133/ but not logged in (see its authentication-failed status events)",
      down.getJsonObject("data").getString("reason"));
    assertEquals("UP", HealthRoute.endpointCheck(faf.put("authenticated", true)).getString("status"));
    assertEquals("DOWN", HealthRoute.endpointCheck(client("reconnecting").put("authenticated", false)).getString("status"));
  }
}
