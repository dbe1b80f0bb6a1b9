package io.gamebus.endpoint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions that outlive their sockets: ids, resume, the grace period and its cancellation. */
class ServerSessionsTest {

  static final long GRACE = 300_000;

  final FakeTimers timers = new FakeTimers();
  final List<String> ended = new ArrayList<>();
  final ServerSessions<StringBuilder> sessions = new ServerSessions<>(timers, GRACE, 2, StringBuilder::new,
    (session, why) -> ended.add(session.id() + ": " + why));

  @Test
  void idsCountFromOneAndAnUnknownIdGetsANewSession() {
    assertEquals(1, sessions.attach(null).session().id());
    ServerSessions.Attached<StringBuilder> unknown = sessions.attach(99L);
    assertEquals(2, unknown.session().id());
    assertFalse(unknown.resumed(), "the caller compares ids to see the session it asked for is gone");
  }

  @Test
  void aResumedSessionKeepsItsStateAndCountsItsConnections() {
    ServerSessions.Session<StringBuilder> first = sessions.attach(null).session();
    first.state().append("pack");
    ServerSessions.Attached<StringBuilder> again = sessions.attach(first.id());
    assertTrue(again.resumed());
    assertSame(first, again.session());
    assertEquals("pack", again.session().state().toString());
    assertEquals(2, first.connections());
  }

  @Test
  void theLastConnectionLeavingStartsTheGracePeriodAndItsEndEndsTheSession() {
    ServerSessions.Session<StringBuilder> session = sessions.attach(null).session();
    sessions.attach(session.id());
    sessions.detach(session);
    assertEquals(0, timers.pending(), "one connection is still attached");
    sessions.detach(session);
    assertEquals(List.of(GRACE), timers.delaysAsked());
    assertEquals(300L, session.graceRemainingSeconds(GRACE, System.currentTimeMillis()));
    timers.fire(GRACE);
    assertEquals(List.of("1: no connection for 300 s"), ended);
    assertTrue(session.ended());
    assertEquals(2, sessions.attach(1L).session().id(), "an expired session cannot be resumed");
  }

  @Test
  void aReconnectCancelsTheGracePeriodUnlikeTheRealServer() {
    ServerSessions.Session<StringBuilder> session = sessions.attach(null).session();
    sessions.detach(session);
    assertTrue(sessions.attach(session.id()).resumed());
    assertEquals(0, timers.pending(), "the countdown is cancelled, so the resumed session is not lost later");
    assertNull(session.graceRemainingSeconds(GRACE, System.currentTimeMillis()), "null while connected");
    assertTrue(ended.isEmpty());
  }

  @Test
  void endingASessionRemovesItAtOnceEvenWithConnectionsAttached() {
    ServerSessions.Session<StringBuilder> session = sessions.attach(null).session();
    sessions.attach(session.id());
    sessions.end(session, "goodbye");
    sessions.end(session, "twice");
    sessions.detach(session);
    assertEquals(List.of("1: goodbye"), ended);
    assertEquals(0, timers.pending(), "a connection leaving an ended session starts no countdown");
    assertTrue(sessions.all().isEmpty());
  }

  @Test
  void endAllEndsEverySessionAndCancelsTheirCountdowns() {
    ServerSessions.Session<StringBuilder> a = sessions.attach(null).session();
    sessions.attach(null);
    sessions.detach(a);
    sessions.endAll("stop");
    assertEquals(List.of("1: stop", "2: stop"), ended);
    assertEquals(0, timers.pending());
  }

  @Test
  void pastMaxIdleTheSessionIdleLongestEndsSoAConnectDropLoopCannotPileSessionsUp() {
    for (int i = 0; i < 3; i++) {
      sessions.detach(sessions.attach(null).session());
    }
    assertEquals(List.of("1: more than 2 sessions without a connection; this one waited longest"), ended);
    assertEquals(2, sessions.size());
    assertEquals(2, timers.pending(), "the ended session's countdown is cancelled");
  }

  @Test
  void theRemainingGraceCountsWholeSecondsAsTheRealServerDoes() {
    ServerSessions.Session<StringBuilder> session = sessions.attach(null).session();
    long before = System.currentTimeMillis();
    sessions.detach(session);
    assertEquals(300L, session.graceRemainingSeconds(GRACE, before), "no whole second has passed");
    assertEquals(299L, session.graceRemainingSeconds(GRACE, System.currentTimeMillis() + 1_000));
  }
}
