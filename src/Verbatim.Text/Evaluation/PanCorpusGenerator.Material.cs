namespace Verbatim.Text.Evaluation;

/// <summary>The made-up text the generator plants for the kinds that imitate real collections.</summary>
public static partial class PanCorpusGenerator
{
    /// <summary>A letterhead (at a document's top) or a licence or transcription line (at its end), each shared by many documents.</summary>
    public sealed record BoilerplateText(string Text, bool AtTop);

    public static IReadOnlyList<BoilerplateText> Boilerplate { get; } =
    [
        new("People's Commissariat of Foreign Affairs of the Russian Socialist Federative Soviet Republic. Moscow, Kuznetsky Most 15. Office of the Commissar.", AtTop: true),
        new("Gesellschaft der Freunde des Briefes · Wien I, Herrengasse 7 · Fernruf 12-345 · Sprechstunden Montag und Donnerstag von 10 bis 12 Uhr", AtTop: true),
        new("This transcription is in the public domain. You may copy, print and share it freely, provided that this notice goes with every copy.", AtTop: false),
        new("Transcribed and marked up by volunteers of the online letters archive in 2004; checked against the printed edition and corrected in 2011.", AtTop: false),
    ];

    /// <summary>Formulas of address and closing, made of common words, that letters share by chance.</summary>
    public static IReadOnlyList<string> StockPhrases { get; } =
    [
        "With comradely greetings and my very best wishes for your health.",
        "I remain, dear Sir, your most obedient and humble servant.",
        "Please write to me as soon as you can and tell me everything.",
        "I thank you with all my heart for your kind and long letter.",
        "Mit herzlichen Grüßen an Sie und die Ihren bin ich stets Ihr ergebener",
        "Ich danke Ihnen von Herzen für Ihren lieben und freundlichen Brief.",
        "Ich hoffe, es geht Ihnen gut und Sie sind bei bester Gesundheit.",
    ];

    /// <summary>What an editor puts into a quotation in square brackets.</summary>
    public static IReadOnlyList<string> EditorialInsertions { get; } =
        ["[sic]", "[the Party]", "[emphasis added]", "[i.e. the Central Committee]", "[illegible]", "[?]", "[Lenin]", "[word crossed out]"];

    /// <summary>The marks of an omission in a quotation.</summary>
    public static IReadOnlyList<string> EllipsisMarks { get; } = ["…", "...", ". . .", "[...]", "[…]"];
}
