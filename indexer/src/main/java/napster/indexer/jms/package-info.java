/**
 * The indexer's broker side: consumers of {@code napster.register} (in order) and
 * {@code napster.search} (a worker per core), request checks before any work (expired,
 * unanswerable, past the connection's rate), replies on each requester's temporary queue,
 * and the publisher of index events. It turns JMS messages into service calls and service
 * answers into JMS messages, and decides nothing about peers or files itself.
 */
package napster.indexer.jms;
