using Verbatim.Model;

namespace Verbatim.Formats.Tei;

/// <summary>What the teiHeader of one letter states, as read by <see cref="TeiHeaderReader"/>.</summary>
internal sealed class TeiHeader
{
    public string? Title { get; set; }

    /// <summary>A title of no known level, kept in case the header has no level="a" one.</summary>
    public string? OtherTitle { get; set; }

    public string? SeriesTitle { get; set; }
    public List<TeiName> Authors { get; } = [];
    public List<string> Transcribers { get; } = [];
    public string? Language { get; set; }

    public string? Publisher { get; set; }
    public string? PubPlace { get; set; }
    public string? PubDate { get; set; }
    public string? Handle { get; set; }
    public string? Licence { get; set; }

    public List<TeiWitness> Witnesses { get; } = [];
    public List<Publication> Published { get; } = [];

    public bool HasCorrespDesc { get; set; }
    public List<TeiCorrespAction> Actions { get; } = [];

    /// <summary>Every fact read, as the source wrote it, in source order.</summary>
    public List<HeaderField> Fields { get; } = [];

    public List<string> Warnings { get; } = [];
}

/// <summary>A name as TEI writes it ("Mamroth, Fedor") with its key ("#pmb4986").</summary>
internal sealed record TeiName(string Text, string? Ref);

internal sealed record TeiDate(string Text, string? When, string? NotBefore, string? NotAfter, string? From, string? To, string? Evidence,
    string? Cert = null, string? Precision = null);

internal sealed class TeiCorrespAction(string type)
{
    public string Type { get; } = type;
    public List<TeiName> People { get; } = [];
    public List<TeiDate> Dates { get; } = [];
    public List<TeiName> Places { get; } = [];

    /// <summary>Each child as written, in order, for the header.</summary>
    public List<string> Parts { get; } = [];
}

internal sealed class TeiWitness(string? n)
{
    public string? N { get; } = n;

    /// <summary>objectType/@corresp: "brief", "karte", "telegramm", ...</summary>
    public string? ObjectType { get; set; }

    /// <summary>msIdentifier children in order, by element name.</summary>
    public List<(string Name, string Value)> Identifier { get; } = [];

    /// <summary>objectDesc/@form: "ms_abschrift", "durchschlag", ...; absent for the original.</summary>
    public string? ObjectForm { get; set; }

    public List<(string? Medium, string? Corresp)> Hands { get; } = [];
    public List<string?> TypeMedia { get; } = [];

    public string? Part(string name) => Identifier.FirstOrDefault(p => p.Name == name).Value;

    /// <summary>"University Library, Cambridge (GB): Schnitzler, B 68": holder, place, then call number.</summary>
    public string IdentifierText()
    {
        var holder = string.Join(", ", new[] { Part("repository"), Part("settlement") }.Where(s => !string.IsNullOrEmpty(s)));
        if (Part("country") is { Length: > 0 } country)
            holder = holder.Length == 0 ? country : $"{holder} ({country})";
        string[] placed = ["repository", "settlement", "country", "idno"];
        var others = Identifier.Where(p => !placed.Contains(p.Name)).Select(p => p.Value);
        holder = string.Join(", ", new[] { holder }.Concat(others).Where(s => s.Length > 0));
        var numbers = string.Join("; ", Identifier.Where(p => p.Name == "idno").Select(p => p.Value));
        return holder.Length == 0 ? numbers : numbers.Length == 0 ? holder : $"{holder}: {numbers}";
    }
}
