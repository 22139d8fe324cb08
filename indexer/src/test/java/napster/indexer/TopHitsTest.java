package napster.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TopHitsTest {
    private final TopHits top = new TopHits(2);

    private static RankedContent ranked(int rank, int peers, String name, long sha) {
        Content content = new Content(0, 0, 0, sha);
        NameEntry entry = new NameEntry(NameBytes.encode(name));
        Posting posting = new Posting(1, NameBytes.encode(name), 1, Instant.EPOCH, content, entry);
        return new RankedContent(rank, peers, posting, content);
    }

    @Test
    void offer_moreThanTheLimit_keepsTheBestInOrder() {
        RankedContent b = ranked(NameMatch.SUBSTRING, 1, "b", 1);
        RankedContent a = ranked(NameMatch.SUBSTRING, 1, "a", 2);
        RankedContent popular = ranked(NameMatch.SUBSTRING, 3, "z", 3);
        RankedContent exact = ranked(NameMatch.EXACT, 1, "zz", 4);

        top.offer(b);
        top.offer(a);
        top.offer(popular);
        top.offer(exact);

        assertThat(top.bestFirst()).containsExactly(exact, popular);
        assertThat(top.took(exact.content())).isTrue();
        assertThat(top.took(a.content())).as("taken, then evicted").isTrue();
        assertThat(top.took(ranked(NameMatch.EXACT, 1, "never", 5).content())).isFalse();
    }

    @Test
    void offer_anEvictedContentAgain_isRefused() {
        RankedContent b = ranked(NameMatch.SUBSTRING, 1, "b", 1);
        RankedContent a = ranked(NameMatch.SUBSTRING, 1, "a", 2);
        RankedContent exact = ranked(NameMatch.EXACT, 1, "e", 3);
        RankedContent popular = ranked(NameMatch.SUBSTRING, 3, "p", 4);
        top.offer(b);
        top.offer(a);
        top.offer(exact);
        top.offer(popular);

        top.offer(a);
        top.offer(b);

        assertThat(top.bestFirst()).containsExactly(exact, popular);
    }

    @Test
    void offer_sameContentTwice_holdsItOnce() {
        RankedContent a = ranked(NameMatch.SUBSTRING, 1, "a", 1);

        top.offer(a);
        top.offer(a);

        assertThat(top.bestFirst()).containsExactly(a);
    }

    @Test
    void mightTake_whenFull_refusesOnlyWhatRanksSurelyWorseThanTheWorst() {
        top.offer(ranked(NameMatch.SUBSTRING, 2, "abcd-1", 1));
        top.offer(ranked(NameMatch.SUBSTRING, 2, "mnop-2", 2));

        assertThat(top.mightTake(NameMatch.IGNORING_CASE, 1, 0)).as("better rank").isTrue();
        assertThat(top.mightTake(NameMatch.SUBSTRING, 3, Long.MAX_VALUE)).as("more holders").isTrue();
        assertThat(top.mightTake(NameMatch.SUBSTRING, 1, 0)).as("fewer holders").isFalse();
        assertThat(top.mightTake(NameMatch.SUBSTRING, 2, NameBytes.prefix(NameBytes.encode("mnop-1"))))
                .as("same prefix: the rest of the name decides").isTrue();
        assertThat(top.mightTake(NameMatch.SUBSTRING, 2, NameBytes.prefix(NameBytes.encode("mnoq"))))
                .as("a later prefix").isFalse();
        assertThat(top.mightTake(NameMatch.SUBSTRING, 2, 0)).as("prefix not known").isTrue();
    }
}
