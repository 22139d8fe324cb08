/**
 * What the indexer does with each request, without any transport: registers peers and binds
 * their keys to broker users, keeps their leases, applies share changes, enforces the index
 * budget, and answers searches, browse pages and peer listings through the
 * {@link napster.indexer.index.FileIndex}. It reports changes to an {@code IndexListener}.
 * It must never touch JMS or the network: the adapter in {@link napster.indexer.jms} does.
 */
package napster.indexer.service;
