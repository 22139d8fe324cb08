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
 * has not logged in in time, makes room for a newcomer when too many are logging in, and
 * refuses a login beyond the logged-in limit. Thread-safe; connections are closed outside its
 * lock.
 *
 * <p>Who makes room, in this order: of the connections the broker has started that have not sent
 * a byte (idle sockets), the one started first; else the oldest it has started (a login under
 * way for long); else, when the broker has not started any of them yet (it is behind), the
 * newcomer itself, so the ones that came first are served first. A client whose login bytes the broker has read
 * is therefore never closed while an idle socket is waiting, however fast the idle ones come.
 */
final class ConnectorLogins {
    /** A connection the guard can close. */
    interface Watched {
        /** Closes the connection; {@code reason} is one sentence for the log. */
        void close(String reason);

        /** Whether the broker has started the connection, so it reads what the client sends. */
        boolean started();

        /** When the broker started it (System.nanoTime), once {@link #started()}. */
        long startedAt();

        /** Whether the client has sent at least one byte. */
        boolean heardFrom();
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
    private long turnedAway;

    ConnectorLogins(String connector, LoginLimits limits, LongSupplier nanoTime) {
        this.connector = connector;
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /**
     * A new connection, not logged in yet. When too many are logging in, one of them is closed
     * to make room (see the class comment), which may be the newcomer.
     *
     * @return whether the newcomer was admitted; if not it is closed already
     */
    boolean arrived(Watched connection) {
        Watched leaving;
        synchronized (this) {
            if (pending.size() < limits.maxPending()) {
                pending.put(connection, nanoTime.getAsLong());
                return true;
            }
            leaving = makingRoom(connection);
            if (leaving == connection) {
                turnedAway++;
            } else {
                closedForRoom++;
                pending.remove(leaving);
                pending.put(connection, nanoTime.getAsLong());
            }
        }
        if (leaving == connection) {
            connection.close("Turned away a new connection to " + connector + ": the broker has not started the "
                    + limits.maxPending() + " before it yet.");
            return false;
        }
        leaving.close("Closed a connection to " + connector + " that had not logged in, to make room for a newer one"
                + " (at most " + limits.maxPending() + " may be logging in).");
        return true;
    }

    /** Who leaves so the newcomer can come in; the newcomer itself when the broker has started none of the others. */
    private Watched makingRoom(Watched newcomer) {
        // Idle ones by start, not arrival: one the broker has only just started has not been read yet.
        Watched longestIdle = null;
        Watched oldestStarted = null;
        for (Watched waiting : pending.keySet()) {
            if (!waiting.started()) {
                continue;
            }
            if (oldestStarted == null) {
                oldestStarted = waiting;
            }
            if (!waiting.heardFrom() && (longestIdle == null || waiting.startedAt() - longestIdle.startedAt() < 0)) {
                longestIdle = waiting;
            }
        }
        if (longestIdle != null) {
            return longestIdle;
        }
        return oldestStarted != null ? oldestStarted : newcomer;
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

    /** Connections logging in that have sent something: logins under way. */
    synchronized int heardFrom() {
        return (int) pending.keySet().stream().filter(Watched::heardFrom).count();
    }

    synchronized int loggedIn() {
        return loggedIn.size();
    }

    /** How many connections were closed since the last call, and why; for a summary in the log. */
    synchronized String takeClosedSummary() {
        if (closedLate == 0 && closedForRoom == 0 && turnedAway == 0) {
            return null;
        }
        String summary = "Closed " + (closedLate + closedForRoom + turnedAway) + " connections to " + connector
                + " that had not logged in: " + closedLate + " after " + limits.timeout().toMillis() + " ms, "
                + closedForRoom + " to make room for newer ones (at most " + limits.maxPending() + " may be logging in), "
                + turnedAway + " turned away on arrival while the broker was behind.";
        closedLate = 0;
        closedForRoom = 0;
        turnedAway = 0;
        return summary;
    }

    String connector() {
        return connector;
    }
}
