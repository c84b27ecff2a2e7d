using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tests.Normalisation;

public class PhoneticKeyTests
{
    [Theory]
    [InlineData("Volodicheva", "Volodichiva")]
    [InlineData("Volodicheva", "Volidicheva")]
    [InlineData("Volodicheva", "Volodcheva")]
    [InlineData("Volodicheva", "Володичева")]
    [InlineData("Politbureau", "Politburo")]
    [InlineData("Politbureau", "Polittburo")]
    [InlineData("Politburo", "Политбюро")]
    [InlineData("Trotsky", "Trotzki")]
    [InlineData("Zinoviev", "Zinovyev")]
    [InlineData("Wolodin", "Volodin")]
    public void Spellings_of_one_name_share_a_key(string a, string b)
    {
        Assert.Equal(PhoneticKey.Of(a), PhoneticKey.Of(b));
        Assert.True(PhoneticKey.SameName(a, b));
    }

    [Fact]
    public void The_four_spellings_of_Volodicheva_and_the_three_of_Politburo_each_give_one_key()
    {
        Assert.Single(new[] { "Volodicheva", "Volodichiva", "Volidicheva", "Volodcheva" }.Select(PhoneticKey.Of).Distinct());
        Assert.Single(new[] { "Politbureau", "Politburo", "Polittburo" }.Select(PhoneticKey.Of).Distinct());
        Assert.Equal("vldchv", PhoneticKey.Of("Volodicheva"));
        Assert.Equal("pltbr", PhoneticKey.Of("Politburo"));
    }

    [Theory]
    [InlineData("Stalin", "Trotsky")]
    [InlineData("Lenin", "Stalin")]
    [InlineData("Volodicheva", "Fotieva")]
    [InlineData("Kamenev", "Kamkov")]
    [InlineData("Politburo", "Orgburo")]
    [InlineData("Ulyanova", "Lyanova")]
    public void Different_names_keep_different_keys(string a, string b)
    {
        Assert.NotEqual(PhoneticKey.Of(a), PhoneticKey.Of(b));
        Assert.False(PhoneticKey.SameName(a, b));
    }

    [Fact]
    public void A_name_without_letters_has_an_empty_key_and_matches_nothing()
    {
        Assert.Equal("", PhoneticKey.Of("1923 — …"));
        Assert.False(PhoneticKey.SameName("—", "…"));
    }
}
