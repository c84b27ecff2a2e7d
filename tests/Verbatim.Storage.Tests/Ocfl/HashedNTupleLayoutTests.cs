using System.Text;
using Verbatim.Storage.Ocfl;

namespace Verbatim.Storage.Tests.Ocfl;

/// <summary>The mappings are the examples of extension 0004-hashed-n-tuple-storage-layout.</summary>
public sealed class HashedNTupleLayoutTests
{
    [Theory]
    [InlineData("object-01", "3c0/ff4/240/3c0ff4240c1e116dba14c7627f2319b58aa3d77606d0d90dfc6161608ac987d4")]
    [InlineData("..hor/rib:le-$id", "487/326/d8c/487326d8c2a3c0b885e23da1469b4d6671fd4e76978924b4443e9e3c316cda6d")]
    public void Default_parameters_map_as_example_1(string id, string path)
        => Assert.Equal(path, new HashedNTupleLayout().PathFor(id));

    [Theory]
    [InlineData("object-01", "ff/75/53/44/92/48/5e/ab/b3/9f/86/35/67/28/88/4e")]
    [InlineData("..hor/rib:le-$id", "08/31/97/66/fb/6c/29/35/dd/17/5b/94/26/77/17/e0")]
    public void Md5_short_roots_map_as_example_2(string id, string path)
    {
        var layout = new HashedNTupleLayout { DigestAlgorithm = "md5", TupleSize = 2, NumberOfTuples = 15, ShortObjectRoot = true };
        Assert.Equal(path, layout.PathFor(id));
    }

    [Fact]
    public void No_tuples_map_as_example_3()
    {
        var layout = new HashedNTupleLayout { TupleSize = 0, NumberOfTuples = 0 };
        Assert.Equal("3c0ff4240c1e116dba14c7627f2319b58aa3d77606d0d90dfc6161608ac987d4", layout.PathFor("object-01"));
    }

    [Fact]
    public void Config_json_round_trips_and_absent_keys_take_the_defaults()
    {
        var layout = new HashedNTupleLayout { DigestAlgorithm = "md5", TupleSize = 2, NumberOfTuples = 15, ShortObjectRoot = true };
        Assert.Equal(layout, HashedNTupleLayout.FromConfigJson(layout.ToConfigJson(), out var problem));
        Assert.Null(problem);
        var defaults = HashedNTupleLayout.FromConfigJson(Encoding.UTF8.GetBytes("""{ "extensionName": "0004-hashed-n-tuple-storage-layout" }"""), out problem);
        Assert.Equal(new HashedNTupleLayout(), defaults);
    }

    [Theory]
    [InlineData("""{ "extensionName": "0004-hashed-n-tuple-storage-layout", "tupleSize": 0 }""")]
    [InlineData("""{ "extensionName": "0004-hashed-n-tuple-storage-layout", "tupleSize": 33 }""")]
    [InlineData("""{ "extensionName": "0004-hashed-n-tuple-storage-layout", "tupleSize": 32, "numberOfTuples": 3 }""")]
    [InlineData("""{ "extensionName": "0004-hashed-n-tuple-storage-layout", "tupleSize": 32, "numberOfTuples": 2, "shortObjectRoot": true }""")]
    [InlineData("""{ "extensionName": "0004-hashed-n-tuple-storage-layout", "digestAlgorithm": "blake2b-512" }""")]
    [InlineData("""{ "extensionName": "0004-hashed-n-tuple-storage-layout", "tupleSize": "3" }""")]
    [InlineData("""{ "extensionName": "0002-flat-direct-storage-layout" }""")]
    [InlineData("""not json""")]
    public void Configs_breaking_the_extension_are_refused_with_a_reason(string json)
    {
        Assert.Null(HashedNTupleLayout.FromConfigJson(Encoding.UTF8.GetBytes(json), out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }
}
