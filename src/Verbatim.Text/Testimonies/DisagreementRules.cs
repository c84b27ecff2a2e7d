using Verbatim.Text.Alignment;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Testimonies;

/// <summary>
/// When paired sentences disagree. Two rules, in this order:
/// <list type="bullet">
/// <item><c>negation</c>: one side holds a negation ("not", "never", "no", "nothing", "didn't",
/// ...) and the other none, so "did not ask" against "invited not a single" is agreement;</item>
/// <item><c>opposed-evaluation</c>: where the two read otherwise (one difference), one reads a
/// word that judges well ("appreciated", "friendly", "truth") and the other a word that judges
/// ill ("dissatisfied", "rude", "contrary").</item>
/// </list>
/// Negations that deny nothing ("not even", "no less", "no doubt") are not counted. Both rules
/// are lexical and short-sighted: a negation of a detail the other sentence does not mention
/// ("so that no political news reached Lenin") counts, two negations count as one, and an
/// evaluation outside the two small lists, or said in another place of the sentence, is not seen.
/// </summary>
public static class DisagreementRules
{
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "cannot", "nowhere",
    };

    /// <summary>Negations that deny nothing: "not even stopping at" strengthens, "no less than" compares.</summary>
    private static readonly HashSet<(string, string)> NotNegating = [("not", "even"), ("not", "only"), ("no", "less"), ("no", "more"), ("nothing", "but"), ("no", "doubt")];

    private static readonly HashSet<string> Approving = new(StringComparer.Ordinal)
    {
        "appreciated", "appreciate", "valued", "value", "good", "friendly", "intimate", "amicably", "amicable", "trust", "trusted",
        "love", "loved", "loves", "right", "true", "truth", "praised", "respected", "close", "sympathy", "sincere", "sincerely",
        "pleased", "glad", "correct", "touching", "dedicated", "faith",
    };

    private static readonly HashSet<string> Disapproving = new(StringComparer.Ordinal)
    {
        "dissatisfied", "dissatisfaction", "angry", "annoyed", "outraged", "outrage", "disappointed", "rude", "rudely", "rudeness",
        "bad", "hostile", "false", "wrong", "untrue", "distrust", "hate", "hated", "enemy", "irritated", "irritation", "contrary",
        "lie", "lies", "slander", "rupture", "offended", "distressed",
    };

    public static Disagreement? Find(TokenisedText a, TextRange rangeA, TokenisedText b, TextRange rangeB, IReadOnlyList<Difference> differences)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(differences);
        var (negationA, negationB) = (Words(a, [rangeA]).FirstOrDefault(w => Negations.Contains(w.Key)), Words(b, [rangeB]).FirstOrDefault(w => Negations.Contains(w.Key)));
        if (negationA.Key is null != negationB.Key is null)
            return Make("negation", negationA.Key is null ? new TextRange(rangeA.Start, 0) : negationA.Range, negationB.Key is null ? new TextRange(rangeB.Start, 0) : negationB.Range);
        foreach (var difference in differences.Where(d => d.Kind == DifferenceKind.Substitution))
        {
            var (ownA, ownB) = (Words(a, [difference.Source]), Words(b, [difference.Quoting]));
            foreach (var (one, other) in new[] { (Approving, Disapproving), (Disapproving, Approving) })
            {
                if (ownA.FirstOrDefault(w => one.Contains(w.Key)) is { Key: not null } judgedA && ownB.FirstOrDefault(w => other.Contains(w.Key)) is { Key: not null } judgedB)
                    return Make("opposed-evaluation", judgedA.Range, judgedB.Range);
            }
        }
        return null;

        Disagreement Make(string rule, TextRange inA, TextRange inB) => new(rule, inA, inB, inA.Of(a.Original), inB.Of(b.Original));
    }

    /// <summary>The words of the text inside the ranges, each with its key ("didn't" counts as "not"); a negation that denies nothing is left out.</summary>
    private static List<(string Key, TextRange Range)> Words(TokenisedText text, IReadOnlyList<TextRange> within)
    {
        var words = new List<(string Key, TextRange Range)>();
        for (var w = 0; w < text.Count; w++)
        {
            var range = text.RangeOf(w);
            if (!within.Any(r => r.Contains(range)))
                continue;
            var key = text.KeyOf(w);
            if (w + 1 < text.Count && NotNegating.Contains((key, text.KeyOf(w + 1))))
            {
                w++;
                continue;
            }
            words.Add((key.EndsWith("n't", StringComparison.Ordinal) ? "not" : key, range));
        }
        return words;
    }
}
