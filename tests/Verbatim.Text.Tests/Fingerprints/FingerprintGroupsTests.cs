using Verbatim.Searching;
using Verbatim.Text.Fingerprints;

namespace Verbatim.Text.Tests.Fingerprints;

public class FingerprintGroupsTests
{
    [Fact]
    public void Each_hash_gathers_its_places_in_the_order_they_were_found()
    {
        Fingerprint[] found = [new(7, "b", 3, 30), new(5, "a", 1, 10), new(7, "a", 9, 90), new(9, "c", 0, 0), new(7, "c", 4, 40)];
        var byHash = new FingerprintGroups(found);

        Assert.Equal([5UL, 7UL, 9UL], byHash.Hashes.Order());
        Assert.Equal(3, byHash.CountOf(7));
        var (first, end) = byHash.PlacesOf(7);
        Assert.Equal([("b", 3), ("a", 9), ("c", 4)], Enumerable.Range(first, end - first).Select(k => (byHash[k].DocumentId, byHash[k].FirstWord)));
        Assert.Equal(found[1], byHash[byHash.PlacesOf(5).Start]);
        Assert.Equal(1, byHash.CountOf(9));
    }

    [Fact]
    public void A_hash_not_found_has_no_places()
    {
        var byHash = new FingerprintGroups([new Fingerprint(1, "a", 0, 0)]);

        Assert.Equal(0, byHash.CountOf(2));
        var (first, end) = byHash.PlacesOf(2);
        Assert.Equal(first, end);
        Assert.Empty(new FingerprintGroups([]).Hashes);
    }
}
