package napster.common.jms;

/** The broker destinations napster uses (pinned names, see DESIGN.md). */
public final class Destinations {
    /** Queue: register, update, unregister — consumed by the indexer. */
    public static final String REGISTER = "napster.register";
    /** Queue: search requests — consumed by the indexer, answered on the requester's temporary queue. */
    public static final String SEARCH = "napster.search";
    /** Topic: indexer to peers, e.g. "reannounce". */
    public static final String CONTROL = "napster.control";
    /** Topic: index changes. */
    public static final String EVENTS = "napster.events";

    private Destinations() {
    }
}
