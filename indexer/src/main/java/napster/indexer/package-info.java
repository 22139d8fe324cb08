/**
 * The indexer process: its command line ({@code IndexerMain}), its settings, and
 * {@code Indexer}, which wires the layers below together: the JMS adapter
 * ({@link napster.indexer.jms}) hands requests to the service ({@link napster.indexer.service}),
 * which keeps peers and leases and asks the index ({@link napster.indexer.index}) for files,
 * searched in the query language of {@link napster.common.query}. Only this package knows all
 * of them; nothing below it may depend on it.
 */
package napster.indexer;
