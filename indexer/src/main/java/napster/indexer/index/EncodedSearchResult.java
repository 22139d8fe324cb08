package napster.indexer.index;

/**
 * A search's reply already written as the JSON text of a {@code searchResult} message, with
 * what the console properties show of it: the query, the number of results, and whether the
 * indexer left results out ({@code partial}).
 */
public record EncodedSearchResult(String query, int results, boolean partial, String json) {
}
