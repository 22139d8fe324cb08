package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who the login guard closes to make room, and when, on a clock the test turns. */
@Timeout(60) // a newcomer that waits for room on the test's own thread would wait for ever on a clock that stands
class ConnectorLoginsTest {
    private static final int MAX_PENDING = 3;

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Read by a waiting newcomer on a thread of its own. */
    private volatile long now;
    private final ConnectorLogins logins =
            new ConnectorLogins("stomp", new LoginLimits(Duration.ofSeconds(5), MAX_PENDING, 2), () -> now);

    @Test
    void aLoginUnderWay_outlastsAnyNumberOfNewerIdleSockets() {
        Socket client = arrive().start().send();
        for (int i = 0; i < 200; i++) {
            arrive().start();
        }

        assertThat(client.closedBecause).isNull();
        assertThat(logins.pending()).isEqualTo(MAX_PENDING);
    }

    @Test
    void idleSockets_leaveInTheOrderTheBrokerStartedThem_notTheOrderTheyCameIn() {
        Socket first = arrive();
        Socket second = arrive().start();
        Socket third = arrive();
        first.start();
        third.start();

        arrive().start();
        assertThat(second.closedBecause).contains("to make room for a newer one");
        arrive().start();
        assertThat(first.closedBecause).isNotNull();
        assertThat(third.closedBecause).isNull();
    }

    @Test
    void whenNoneIsIdle_andAllAreStarted_theOldestStartedLeaves() {
        Socket slow = arrive().start().send();
        Socket slower = arrive().start().send();
        Socket slowest = arrive().start().send();

        Socket newcomer = arrive();

        assertThat(newcomer.admitted).isTrue();
        assertThat(slow.closedBecause).isNotNull();
        assertThat(slower.closedBecause).isNull();
        assertThat(slowest.closedBecause).isNull();
    }

    @Test
    void aStartedLoginWhoseBytesTheBrokerHasNotReadYet_isNotTakenForIdle() {
        Socket client = arrive().start().sentUnread();
        Socket idle = arrive().start();
        Socket other = arrive().start().sentUnread();

        Socket newcomer = arrive();

        assertThat(newcomer.admitted).isTrue();
        assertThat(idle.closedBecause).isNotNull();
        assertThat(client.closedBecause).isNull();
        assertThat(other.closedBecause).isNull();
    }

    @Test
    void whileTheBrokerIsBehind_theNewcomerWaits_untilItStartsOne_andNobodyUnreadIsClosed() throws Exception {
        List<Socket> waiting = new ArrayList<>();
        for (int i = 0; i < MAX_PENDING; i++) {
            waiting.add(arrive());
        }
        Socket client = waiting.get(0);
        Arrival newcomer = Arrival.start(this::arrive);
        await().atMost(WAIT).until(newcomer::isWaiting);

        client.start().sentUnread();
        logins.started();
        // the only one started is a login not read yet: the newcomer looks again every 50 ms, and waits on
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !newcomer.arrived().isDone());
        assertThat(client.closedBecause).isNull();

        waiting.get(1).start();
        logins.started();

        assertThat(newcomer.socket().admitted).isTrue();
        assertThat(waiting.get(1).closedBecause).contains("to make room for a newer one");
        assertThat(client.closedBecause).isNull();
        assertThat(waiting.get(2).closedBecause).isNull();
    }

    @Test
    void whenNobodyCanMakeRoomWithinTheLoginTimeout_theNewcomerIsTurnedAway_andTheFirstOnesStay() throws Exception {
        List<Socket> waiting = new ArrayList<>();
        for (int i = 0; i < MAX_PENDING; i++) {
            waiting.add(arrive());
        }
        Arrival newcomer = Arrival.start(this::arrive);
        await().atMost(WAIT).until(newcomer::isWaiting);

        now += Duration.ofSeconds(5).toNanos();

        assertThat(newcomer.socket().admitted).isFalse();
        assertThat(newcomer.socket().closedBecause).contains("Turned away").contains("within 5000 ms");
        assertThat(waiting).allSatisfy(socket -> assertThat(socket.closedBecause).isNull());
        assertThat(logins.pending()).isEqualTo(MAX_PENDING);
        assertThat(logins.takeClosedSummary()).contains("1 turned away");
    }

    @Test
    void aNewcomerWaitingForRoom_isTurnedAwayWhenTheConnectorStops() throws Exception {
        for (int i = 0; i < MAX_PENDING; i++) {
            arrive();
        }
        Arrival newcomer = Arrival.start(this::arrive);
        await().atMost(WAIT).until(newcomer::isWaiting);

        logins.stopping();

        assertThat(newcomer.socket().admitted).isFalse();
    }

    @Test
    void aConnectionThatHasNotLoggedInAtTheTimeout_isClosed_evenOneThatSentSomething() {
        Socket slow = arrive().start().send();
        now += Duration.ofMillis(4_999).toNanos();
        logins.closeOverdue();
        assertThat(slow.closedBecause).isNull();

        now += Duration.ofMillis(1).toNanos();
        logins.closeOverdue();
        assertThat(slow.closedBecause).contains("within 5000 ms");
        assertThat(logins.pending()).isZero();
    }

    @Test
    void loggedIn_neitherTimesOutNorMakesRoom_andAreCountedUpToTheLimit() {
        Socket one = arrive().start().send();
        Socket two = arrive().start().send();
        Socket three = arrive().start().send();
        logins.loggingIn(one);
        logins.loggingIn(two);

        now += Duration.ofMinutes(1).toNanos();
        logins.closeOverdue();
        for (int i = 0; i < 10; i++) {
            arrive().start();
        }

        assertThat(one.closedBecause).isNull();
        assertThat(two.closedBecause).isNull();
        assertThat(logins.loggedIn()).isEqualTo(2);
        assertThat(three.closedBecause).isNotNull();
        Socket late = arrive().start().send();
        assertThatThrownBy(() -> logins.loggingIn(late)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("at most 2 connections");
    }

    private Socket arrive() {
        now += 1_000;
        Socket socket = new Socket();
        socket.admitted = logins.arrived(socket);
        return socket;
    }

    /** A newcomer arriving on a thread of its own, since it may wait for room. */
    private record Arrival(Thread thread, CompletableFuture<Socket> arrived) {
        static Arrival start(Supplier<Socket> arrive) {
            CompletableFuture<Socket> arrived = new CompletableFuture<>();
            Thread thread = new Thread(() -> arrived.complete(arrive.get()), "newcomer");
            thread.setDaemon(true);
            thread.start();
            return new Arrival(thread, arrived);
        }

        boolean isWaiting() {
            return thread.getState() == Thread.State.TIMED_WAITING;
        }

        Socket socket() throws Exception {
            return arrived.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private final class Socket implements ConnectorLogins.Watched {
        boolean admitted;
        String closedBecause;
        private boolean started;
        private long startedAt;
        private boolean sent;
        private boolean unread;

        Socket start() {
            now += 1_000;
            startedAt = now;
            started = true;
            return this;
        }

        Socket send() {
            sent = true;
            return this;
        }

        /** Sent its login, which the broker has not read yet. */
        Socket sentUnread() {
            unread = true;
            return this;
        }

        @Override
        public void close(String reason) {
            closedBecause = reason;
        }

        @Override
        public boolean started() {
            return started;
        }

        @Override
        public long startedAt() {
            return startedAt;
        }

        @Override
        public boolean readFrom() {
            return sent;
        }

        @Override
        public boolean hasUnreadBytes() {
            return unread;
        }
    }
}
