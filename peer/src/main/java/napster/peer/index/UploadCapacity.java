package napster.peer.index;

/**
 * What a sharing peer tells the index about its uploads, so downloaders can prefer holders with
 * room: upload slots, how many are free now, the cap in bytes per second (0: none). Null fields
 * are not said.
 */
public record UploadCapacity(Integer slots, Integer freeSlots, Long maxUploadRate) {
    public static final UploadCapacity UNKNOWN = new UploadCapacity(null, null, null);
}
