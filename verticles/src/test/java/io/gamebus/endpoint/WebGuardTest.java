package io.gamebus.endpoint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebGuardTest {

  private final WebGuard loopback = new WebGuard("127.0.0.1", 8003, List.of("https://console.example"));

  @Test
  void originsOfTheListenerItselfAndConfiguredOnesPass() {
    assertTrue(loopback.allowsOrigin(null), "not a browser page");
    assertTrue(loopback.allowsOrigin("http://127.0.0.1:8003"));
    assertTrue(loopback.allowsOrigin("http://localhost:8003"));
    assertTrue(loopback.allowsOrigin("http://[::1]:8003"));
    assertTrue(loopback.allowsOrigin("HTTPS://Console.Example"));
  }

  @Test
  void otherOriginsAreRefused() {
    assertFalse(loopback.allowsOrigin("http://evil.example"));
    assertFalse(loopback.allowsOrigin("http://localhost:8004"), "another port is another origin");
    assertFalse(loopback.allowsOrigin("null"));
  }

  @Test
  void hostMustNameTheListener() {
    assertTrue(loopback.allowsHost(null));
    assertTrue(loopback.allowsHost("127.0.0.1:8003"));
    assertTrue(loopback.allowsHost("localhost:8003"));
    assertTrue(loopback.allowsHost("[::1]:8003"));
    assertFalse(loopback.allowsHost("evil.example:8003"), "DNS rebinding");
    assertFalse(loopback.allowsHost("localhost:8004"));
    assertFalse(loopback.allowsHost("evil.example"), "DNS rebinding on the default port");
  }

  @Test
  void aHostWithoutPortIsAllowedUnderTheListenersOwnNames() {
    // What the RPFM UI's probe sends; a browser never omits a non-default port.
    assertTrue(loopback.allowsHost("127.0.0.1"));
    assertTrue(loopback.allowsHost("localhost"));
    assertTrue(loopback.allowsHost("[::1]"));
  }

  @Test
  void aNamedHostIsAllowedUnderItsName() {
    WebGuard named = new WebGuard("gamebus.lan", 80, List.of());
    assertTrue(named.allowsHost("gamebus.lan:80"));
    assertTrue(named.allowsOrigin("http://gamebus.lan:80"));
    assertFalse(named.allowsOrigin("http://localhost:80"), "not bound to loopback");
  }
}
