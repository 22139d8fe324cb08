package napster.bench;

import java.time.Duration;
import java.util.Map;

/** One kind of hostile client, run by {@link AttackRun} between the victims' before and after phases. */
interface Attack {
    /** Work done before the victims start measuring (e.g. registering the attacker's files). */
    default void prepare() throws Exception {
    }

    /** Starts attacking on threads of its own. */
    void start() throws Exception;

    /** Returns when the attack has nothing more to do, or after {@code most}. */
    default void awaitEnd(Duration most) throws InterruptedException {
        Thread.sleep(most.toMillis()); // the attack runs for a set time: this pause is its length
    }

    /** Stops attacking and lets go of everything the attack holds (its connections, its sockets). */
    void stop() throws Exception;

    /** The attacker's own figures, for the report (name to number or text). */
    Map<String, Object> figures();
}
