package napster.broker;

import java.time.Duration;

/**
 * What one connector allows: a connection that has not logged in after {@code timeout} is
 * closed; at most {@code maxPending} connections wait to log in (a new one pushes out the
 * oldest); at most {@code maxLoggedIn} are logged in (more logins are refused).
 */
record LoginLimits(Duration timeout, int maxPending, int maxLoggedIn) {
    LoginLimits {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The login timeout must be positive, not " + timeout.toMillis() + " ms.");
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPendingLogins must be at least 1, not " + maxPending + ".");
        }
        if (maxLoggedIn < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxLoggedIn + ".");
        }
    }

    /** Sockets a connector may hold at once: every logged-in connection and every one still logging in. */
    int maxSockets() {
        return maxLoggedIn + maxPending;
    }
}
