package napster.indexer;

import napster.indexer.service.IndexService;

import java.util.List;
import napster.common.protocol.FileHit;
import napster.common.protocol.ProtocolCodec;
import napster.common.protocol.ProtocolException;
import napster.common.protocol.Search;
import napster.common.protocol.SearchResult;

/** Searches as a client sees them: the reply text the service writes, decoded, once earlier changes are visible. */
public final class Searching {
    private static final ProtocolCodec CODEC = ProtocolCodec.standard();

    private Searching() {
    }

    public static SearchResult search(IndexService service, Search search) {
        service.index().awaitChangesVisible();
        try {
            return (SearchResult) CODEC.decode(service.search(search).json());
        } catch (ProtocolException e) {
            throw new AssertionError("the indexer wrote a reply the codec cannot read", e);
        }
    }

    /** The hits for a query, at most {@code limit}. */
    public static List<FileHit> hits(IndexService service, String query, int limit) {
        return search(service, new Search(query, null, limit)).results();
    }
}
