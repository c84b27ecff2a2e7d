using Verbatim.Text.Testimonies;

namespace Verbatim.Text.Tests.Testimonies;

public sealed class SentenceSplitterTests
{
    private static string[] Split(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Range.Of(text))];

    [Fact]
    public void Sentences_end_at_a_full_stop_a_question_or_an_exclamation_before_a_capital()
    {
        Assert.Equal(["Stalin promised.", "Why did he appeal to Stalin?", "He knew him!"], Split("Stalin promised. Why did he appeal to Stalin? He knew him!"));
    }

    [Fact]
    public void Initials_and_abbreviations_do_not_end_a_sentence()
    {
        Assert.Equal(
            ["The letters of V. I. Lenin and N.K. were read by Vlad. Ilyich Lenin in the C.C. of the R.C.P. (b) on p. 12 (ed. R.D.) and in Vol. 2, No. 12.", "Then he left."],
            Split("The letters of V. I. Lenin and N.K. were read by Vlad. Ilyich Lenin in the C.C. of the R.C.P. (b) on p. 12 (ed. R.D.) and in Vol. 2, No. 12. Then he left."));
    }

    [Fact]
    public void Initials_before_a_word_that_opens_sentences_end_one()
    {
        Assert.Equal(["He was present in the last months of the life of V.I.", "With the objective of re-establishing the truth I write."],
            Split("He was present in the last months of the life of V.I. With the objective of re-establishing the truth I write."));
    }

    [Fact]
    public void A_closing_quotation_mark_stays_with_its_sentence_and_an_opening_one_begins_the_next()
    {
        Assert.Equal(["He said to Stalin, ‘you are being cunning?’", "In reply Stalin said ‘when did you ever know me to be cunning?’", "‘Convey them.’", "They parted."],
            Split("He said to Stalin, ‘you are being cunning?’ In reply Stalin said ‘when did you ever know me to be cunning?’ ‘Convey them.’ They parted."));
    }

    [Fact]
    public void A_paragraph_break_ends_a_sentence_and_offsets_point_into_the_text()
    {
        var text = "  A heading without a stop\n\nThe next block. And more";
        var sentences = SentenceSplitter.Split(text);
        Assert.Equal(["A heading without a stop", "The next block.", "And more"], sentences.Select(s => s.Range.Of(text)));
        Assert.Equal([2, 28, 44], sentences.Select(s => s.Range.Start));
        Assert.Equal([0, 1, 2], sentences.Select(s => s.Index));
    }

    [Fact]
    public void Only_the_range_asked_for_is_split()
    {
        var text = "Before it. Inside one. Inside two. After it.";
        var within = Verbatim.Text.Normalisation.TextRange.FromBounds(text.IndexOf("Inside", StringComparison.Ordinal), text.IndexOf(" After", StringComparison.Ordinal));
        Assert.Equal(["Inside one.", "Inside two."], SentenceSplitter.Split(text, within).Select(s => s.Range.Of(text)));
    }
}
