using System.Security.Cryptography;
using System.Text;
using Verbatim.Model;

namespace Verbatim.Tests.Model;

public sealed class TextIdentityTests
{
    [Theory]
    [InlineData("Lieber Freund,  ich\n\ndanke\u00a0Ihnen.", "Lieber Freund, ich danke Ihnen.")]
    [InlineData("  Wien  ", "Wien")]
    [InlineData("Grüße \ud83d\ude00 aus\tWien", "Grüße \ud83d\ude00 aus Wien")]
    [InlineData("lone \ud83d surrogate\ude00", "lone \ud83d surrogate\ude00")]
    public void The_key_is_the_digest_of_the_words_joined_by_one_space(string text, string words)
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(words)));

        Assert.Equal(expected, TextIdentity.KeyOf(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\u00a0\t")]
    public void A_text_without_a_word_has_no_key(string text) => Assert.Null(TextIdentity.KeyOf(text));

    [Fact]
    public void The_key_of_a_long_text_is_found_without_copying_it()
    {
        // Splitting a long text into words and joining them again held some ten bytes a character.
        var text = string.Concat(Enumerable.Repeat("Lieber Freund, ich danke Ihnen herzlich. ", 50_000));
        TextIdentity.KeyOf("warm up");

        var before = GC.GetAllocatedBytesForCurrentThread();
        TextIdentity.KeyOf(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < text.Length / 10, $"{allocated:N0} bytes allocated for a text of {text.Length:N0} characters");
    }
}
