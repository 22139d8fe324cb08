package napster.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who the login guard closes to make room, and when, on a clock the test turns. */
class ConnectorLoginsTest {
    private static final int MAX_PENDING = 3;

    private long now;
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
    void whenNoneIsIdle_theOldestStartedLeaves() {
        Socket notStarted = arrive();
        Socket slow = arrive().start().send();
        Socket slower = arrive().start().send();

        Socket newcomer = arrive();

        assertThat(newcomer.admitted).isTrue();
        assertThat(slow.closedBecause).isNotNull();
        assertThat(notStarted.closedBecause).isNull();
        assertThat(slower.closedBecause).isNull();
    }

    @Test
    void whileTheBrokerHasStartedNone_theNewcomerIsTurnedAway_andTheFirstOnesStay() {
        List<Socket> waiting = new ArrayList<>();
        for (int i = 0; i < MAX_PENDING; i++) {
            waiting.add(arrive());
        }

        Socket newcomer = arrive();

        assertThat(newcomer.admitted).isFalse();
        assertThat(newcomer.closedBecause).contains("Turned away");
        assertThat(waiting).allSatisfy(socket -> assertThat(socket.closedBecause).isNull());
        assertThat(logins.pending()).isEqualTo(MAX_PENDING);
        assertThat(logins.takeClosedSummary()).contains("1 turned away");
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

    private final class Socket implements ConnectorLogins.Watched {
        boolean admitted;
        String closedBecause;
        private boolean started;
        private long startedAt;
        private boolean sent;

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
        public boolean heardFrom() {
            return sent;
        }
    }
}
