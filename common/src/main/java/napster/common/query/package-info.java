/**
 * What a search asks for: the query language people type ({@code beatles yesterday -live},
 * {@code "let it be"}, a SHA-256) parsed into words, phrases and exclusions, and the one rule
 * that splits and folds text into words, for names and queries alike. Pure functions of their
 * input; it must never touch the index, JMS or the network.
 */
package napster.common.query;
