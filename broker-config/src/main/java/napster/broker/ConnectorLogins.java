package napster.broker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Who is connected to one connector, counted apart: connections still logging in (in order of
 * arrival) and connections logged in. Keeps the {@link LoginLimits}: closes a connection that
 * has not logged in in time, makes room for a newcomer when too many are logging in, and
 * refuses a login beyond the logged-in limit. Thread-safe; connections are closed outside its
 * lock.
 *
 * <p>Who makes room, in this order: of the connections the broker has started that have not sent
 * a byte (idle sockets: none read, none waiting in the socket), the one started first; else,
 * once the broker has started them all, the oldest (a login under way for long). Until then
 * (the broker is behind) the newcomer waits. A client that has sent its login is
 * therefore never closed while an idle socket is waiting, however fast the idle ones come, and
 * nobody is closed unread because the broker fell behind.
 */
final class ConnectorLogins {
    /** How often a newcomer waiting for the broker looks again, besides being woken by a start or a leave. */
    private static final long RECHECK_MILLIS = 50;

    /** A connection the guard can close. */
    interface Watched {
        /** Closes the connection; {@code reason} is one sentence for the log. */
        void close(String reason);

        /** Whether the broker has started the connection, so it reads what the client sends. */
        boolean started();

        /** When the broker started it (System.nanoTime), once {@link #started()}. */
        long startedAt();

        /** Whether the broker has read at least one byte from the client. */
        boolean readFrom();

        /**
         * Whether bytes from the client wait in the socket, unread; asked only of a connection
         * about to be closed as idle, since it costs a system call.
         */
        boolean hasUnreadBytes();
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
    private boolean stopping;

    ConnectorLogins(String connector, LoginLimits limits, LongSupplier nanoTime) {
        this.connector = connector;
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /**
     * A new connection, not logged in yet. When too many are logging in, one of them is closed
     * to make room (see the class comment). While the broker is behind, waits until it starts
     * one or one leaves, up to the login timeout; the accepting thread waits with it, so newer
     * sockets wait in the kernel's accept queue and cost the broker nothing.
     *
     * @return whether the newcomer was admitted; if not (the wait ran out, or the connector is
     *     stopping) it is closed already
     */
    boolean arrived(Watched connection) {
        Watched leaving = null;
        boolean admitted;
        synchronized (this) {
            long deadline = nanoTime.getAsLong() + limits.timeout().toNanos();
            while (pending.size() >= limits.maxPending() && (leaving = makingRoom()) == null) {
                long left = deadline - nanoTime.getAsLong();
                if (stopping || left <= 0 || !waitForTheBroker(left)) {
                    break;
                }
            }
            if (leaving != null) {
                closedForRoom++;
                pending.remove(leaving);
            }
            admitted = pending.size() < limits.maxPending();
            if (admitted) {
                pending.put(connection, nanoTime.getAsLong());
            } else {
                turnedAway++;
            }
        }
        if (!admitted) {
            connection.close("Turned away a new connection to " + connector + ": none of the " + limits.maxPending()
                    + " logging in could make room within " + limits.timeout().toMillis() + " ms (the broker is behind).");
            return false;
        }
        if (leaving != null) {
            leaving.close("Closed a connection to " + connector + " that had not logged in, to make room for a newer"
                    + " one (at most " + limits.maxPending() + " may be logging in).");
        }
        return true;
    }

    /** Waits for a start or a leave, a short while at most; false when interrupted. Holds the lock. */
    private boolean waitForTheBroker(long leftNanos) {
        try {
            wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(leftNanos), RECHECK_MILLIS)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Who leaves so a newcomer can come in, or null to wait for the broker: it has started none,
     * or none it started is idle while it has yet to start others (which may be idle).
     */
    private Watched makingRoom() {
        // Idle ones by start, not arrival: one the broker has only just started has not been read yet.
        List<Watched> idle = new ArrayList<>();
        Watched oldestStarted = null;
        boolean allStarted = true;
        for (Watched waiting : pending.keySet()) {
            if (!waiting.started()) {
                allStarted = false;
                continue;
            }
            if (oldestStarted == null) {
                oldestStarted = waiting;
            }
            if (!waiting.readFrom()) {
                idle.add(waiting);
            }
        }
        idle.sort(Comparator.comparingLong(Watched::startedAt));
        for (Watched candidate : idle) {
            if (!candidate.hasUnreadBytes()) {
                return candidate;
            }
        }
        return allStarted ? oldestStarted : null;
    }

    /** The broker started a connection: one waiting in {@link #arrived} may now make room. */
    synchronized void started() {
        notifyAll();
    }

    /** The connector stops: nobody waits in {@link #arrived} any more, and nobody new is admitted past the limit. */
    synchronized void stopping() {
        stopping = true;
        notifyAll();
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
        notifyAll();
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
            notifyAll();
        }
        for (Watched connection : overdue) {
            connection.close("Closed a connection to " + connector + " that had not logged in within "
                    + limits.timeout().toMillis() + " ms.");
        }
    }

    synchronized int pending() {
        return pending.size();
    }

    /** Connections logging in that the broker has read from: logins under way. */
    synchronized int readFrom() {
        return (int) pending.keySet().stream().filter(Watched::readFrom).count();
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
                + turnedAway + " turned away after waiting " + limits.timeout().toMillis() + " ms for room.";
        closedLate = 0;
        closedForRoom = 0;
        turnedAway = 0;
        return summary;
    }

    String connector() {
        return connector;
    }
}
