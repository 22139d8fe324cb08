package napster.indexer;

/**
 * A search's reply already written as the JSON text of a {@code searchResult} message, with
 * what the console properties show of it: the query and the number of results.
 */
public record EncodedSearchResult(String query, int results, String json) {
}
