/**
 * The file index behind one small interface, {@link napster.indexer.index.FileIndex}: who shares
 * what, the searches over it and the text of their replies. Built on Apache Lucene, with one
 * document per peer and file and who-holds-what in primitive tables on the heap. Each rule in
 * one class: what matches ({@code Matching}), how results are ordered ({@code Ranking}), the
 * order of names ({@code NameOrder}), how a reply is written ({@code ResultText}). Everything
 * but the interface and its value types is package-private. It knows peers by id only and must
 * never touch JMS, the broker or the network: the service above it does.
 */
package napster.indexer.index;
