package napster.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Who is connected to one connector, counted apart: connections still logging in (in order of
 * arrival) and connections logged in. Keeps the {@link LoginLimits}: closes a connection that
 * has not logged in in time, makes room for a newcomer by closing the oldest connection still
 * logging in (a real client logs in within milliseconds, so only idle sockets get pushed out),
 * and refuses a login beyond the logged-in limit. Thread-safe; connections are closed outside
 * its lock.
 */
final class ConnectorLogins {
    /** A connection the guard can close. */
    interface Watched {
        /** Closes the connection; {@code reason} is one sentence for the log. */
        void close(String reason);
    }

    private final String connector;
    private final LoginLimits limits;
    private final LongSupplier nanoTime;
    /** Arrival time (nanoTime) of each connection still logging in, oldest first. */
    private final LinkedHashMap<Watched, Long> pending = new LinkedHashMap<>();
    /** Arrival time of each logged-in connection, kept for a login that fails after all. */
    private final Map<Watched, Long> loggedIn = new HashMap<>();
    private long closedLate;
    private long closedForRoom;

    ConnectorLogins(String connector, LoginLimits limits, LongSupplier nanoTime) {
        this.connector = connector;
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /** A new connection, not logged in yet; closes the oldest one still logging in when they are too many. */
    void arrived(Watched connection) {
        Watched oldest = null;
        synchronized (this) {
            if (pending.size() >= limits.maxPending()) {
                Iterator<Watched> first = pending.keySet().iterator();
                oldest = first.next();
                first.remove();
                closedForRoom++;
            }
            pending.put(connection, nanoTime.getAsLong());
        }
        if (oldest != null) {
            oldest.close("Closed a connection to " + connector + " that had not logged in, to make room for a newer one"
                    + " (at most " + limits.maxPending() + " may be logging in).");
        }
    }

    /**
     * The connection presents its login: counts it as logged in unless the limit is reached.
     * A connection already logged in (a second login on the same socket) is counted once.
     *
     * @throws SecurityException when {@code maxLoggedIn} connections are logged in already
     */
    synchronized void loggingIn(Watched connection) {
        Long arrival = pending.get(connection);
        if (arrival == null) {
            return;
        }
        if (loggedIn.size() >= limits.maxLoggedIn()) {
            throw new SecurityException("The broker takes at most " + limits.maxLoggedIn() + " connections on "
                    + connector + "; try again later.");
        }
        pending.remove(connection);
        loggedIn.put(connection, arrival);
    }

    /** The login was refused after all: the connection counts as logging in again, since its arrival. */
    synchronized void loginFailed(Watched connection) {
        Long arrival = loggedIn.remove(connection);
        if (arrival != null) {
            pending.put(connection, arrival);
        }
    }

    /** The connection is closed (by either side): it counts no more. */
    synchronized void gone(Watched connection) {
        if (pending.remove(connection) == null) {
            loggedIn.remove(connection);
        }
    }

    /** Closes every connection that has been logging in for longer than the timeout. */
    void closeOverdue() {
        List<Watched> overdue = new ArrayList<>();
        synchronized (this) {
            long now = nanoTime.getAsLong();
            for (Iterator<Map.Entry<Watched, Long>> i = pending.entrySet().iterator(); i.hasNext(); ) {
                Map.Entry<Watched, Long> entry = i.next();
                if (now - entry.getValue() >= limits.timeout().toNanos()) {
                    overdue.add(entry.getKey());
                    i.remove();
                }
            }
            closedLate += overdue.size();
        }
        for (Watched connection : overdue) {
            connection.close("Closed a connection to " + connector + " that had not logged in within "
                    + limits.timeout().toMillis() + " ms.");
        }
    }

    synchronized int pending() {
        return pending.size();
    }

    synchronized int loggedIn() {
        return loggedIn.size();
    }

    /** How many connections were closed since the last call, and why; for a summary in the log. */
    synchronized String takeClosedSummary() {
        if (closedLate == 0 && closedForRoom == 0) {
            return null;
        }
        String summary = "Closed " + (closedLate + closedForRoom) + " connections to " + connector
                + " that had not logged in: " + closedLate + " after " + limits.timeout().toMillis() + " ms, "
                + closedForRoom + " to make room for newer ones (at most " + limits.maxPending() + " may be logging in).";
        closedLate = 0;
        closedForRoom = 0;
        return summary;
    }

    String connector() {
        return connector;
    }
}
