using Verbatim.Formats.Common;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Text.Names;

namespace Verbatim.Names;

/// <summary>One person, organisation or place, with every spelling the archive has of it and the documents that name it.</summary>
/// <param name="Id">Stable while the entity's name is: the slug of its name, with "-2", "-3" for namesakes.</param>
/// <param name="Authorities">Authority URIs the sources give for it (GND, GeoNames, Wikidata, ...).</param>
public sealed record NameEntity(
    string Id,
    NameKind Kind,
    string Name,
    IReadOnlyList<NameVariant> Variants,
    IReadOnlyList<string> Authorities,
    IReadOnlyList<EntityDocument> Documents);

/// <param name="Count">How many times the archive names the entity so.</param>
public sealed record NameVariant(string Name, int Count);

/// <param name="Roles">author, addressee, copy, mentioned, place; "mentioned" only where the document gives the entity no other role.</param>
public sealed record EntityDocument(string Id, string Title, string? Date, IReadOnlyList<string> Roles);

/// <summary>A catalogued document with its people resolved to entities, for the network and the timeline.</summary>
public sealed record IndexedLetter(
    string Id,
    string Title,
    string Kind,
    string? SortDate,
    DateSpan? Written,
    IReadOnlyList<string> Senders,
    IReadOnlyList<string> Addressees,
    IReadOnlyList<string> Copies,
    IReadOnlyList<string> Named);

/// <summary>
/// The index of names: every name of every catalogued document clustered into entities across
/// spellings and transliterations, then corrected by the owner's <see cref="NameVariants"/>.
/// </summary>
/// <remarks>
/// Clustering, in order: one source key (ref) or one authority URI is one entity; names with one
/// phonetic key (<see cref="PhoneticKey"/>) of one kind are one entity, unless both already carry
/// different authorities; people with one surname key and one first initial are one person
/// ("J. V. Stalin", "Joseph Stalin"), and a bare surname joins them where no namesake with another
/// first initial exists; a secretary's bare initials ("M. V.") join the one person whose first name
/// and surname begin so. Then the owner's splits, then the owner's joins, which have the last word.
/// </remarks>
public sealed class NameIndex
{
    private readonly Dictionary<string, NameEntity> _byId;

    public IReadOnlyList<NameEntity> Entities { get; }

    public IReadOnlyList<IndexedLetter> Letters { get; }

    private NameIndex(IReadOnlyList<NameEntity> entities, IReadOnlyList<IndexedLetter> letters)
    {
        Entities = entities;
        Letters = letters;
        _byId = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    public NameEntity? Find(string id) => _byId.GetValueOrDefault(id);

    public static NameIndex Build(IReadOnlyList<CatalogLetter> letters, NameVariants variants)
    {
        var builder = new Clustering();
        var occurrences = new List<(int Letter, string Role, int Variant)>();
        for (var l = 0; l < letters.Count; l++)
        {
            foreach (var name in letters[l].Names)
                occurrences.Add((l, name.Role, builder.Add(name)));
        }
        var groups = builder.Groups(variants);

        var entityOfGroup = new string[groups.Count];
        var entities = new List<NameEntity>(groups.Count);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var counts = new int[builder.Variants.Count];
        foreach (var occurrence in occurrences)
            counts[occurrence.Variant]++;
        var documentsOfGroup = new Dictionary<int, Dictionary<int, SortedSet<string>>>();
        foreach (var (letter, role, variant) in occurrences)
        {
            var group = groups.GroupOf[variant];
            if (!documentsOfGroup.TryGetValue(group, out var documents))
                documentsOfGroup[group] = documents = [];
            if (!documents.TryGetValue(letter, out var roles))
                documents[letter] = roles = new SortedSet<string>(StringComparer.Ordinal);
            roles.Add(role);
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var members = groups.Members[g];
            if (members.Count == 0)
                continue;
            var name = groups.Preferred[g] ?? BestName(members.Select(v => builder.Variants[v]), counts, members);
            var kind = members.GroupBy(v => builder.Variants[v].Kind).OrderByDescending(k => k.Count()).First().Key;
            var id = $"{kind.ToString().ToLowerInvariant()}-{DocumentIds.Slug(name)}";
            for (var n = 2; !usedIds.Add(id); n++)
                id = $"{kind.ToString().ToLowerInvariant()}-{DocumentIds.Slug(name)}-{n}";
            entityOfGroup[g] = id;
            var variantsOut = members.GroupBy(v => builder.Variants[v].Name, StringComparer.Ordinal)
                .Select(v => new NameVariant(v.Key, v.Sum(i => counts[i])))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Name, StringComparer.Ordinal).ToList();
            var authorities = members.SelectMany(v => new[] { builder.Variants[v].Authority, builder.Variants[v].Ref })
                .OfType<string>().Where(IsUri).Select(NormaliseUri).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var documentsOut = documentsOfGroup.TryGetValue(g, out var docs)
                ? docs.OrderBy(d => d.Key).Select(d => new EntityDocument(letters[d.Key].Id, letters[d.Key].Title, letters[d.Key].SortDate, RolesOf(d.Value))).ToList()
                : [];
            entities.Add(new NameEntity(id, kind, name, variantsOut, authorities, documentsOut));
        }

        var indexed = new List<IndexedLetter>(letters.Count);
        var byLetter = occurrences.GroupBy(o => o.Letter).ToDictionary(o => o.Key, o => o.ToList());
        for (var l = 0; l < letters.Count; l++)
        {
            var own = byLetter.GetValueOrDefault(l) ?? [];
            List<string> Of(string role) => [.. own.Where(o => o.Role == role).Select(o => entityOfGroup[groups.GroupOf[o.Variant]]).Distinct()];
            var letter = letters[l];
            indexed.Add(new IndexedLetter(letter.Id, letter.Title, letter.Kind, letter.SortDate, letter.Written,
                Of("author"), Of("addressee"), Of("copy"), [.. own.Select(o => entityOfGroup[groups.GroupOf[o.Variant]]).Distinct()]));
        }
        entities.Sort((a, b) => string.Compare(a.Name, b.Name, StringComparison.CurrentCultureIgnoreCase) is var c and not 0 ? c : string.CompareOrdinal(a.Id, b.Id));
        return new NameIndex(entities, indexed);
    }

    private static List<string> RolesOf(SortedSet<string> roles)
        => roles.Count > 1 && roles.Contains("mentioned") ? [.. roles.Where(r => r != "mentioned")] : [.. roles];

    /// <summary>The name an entity goes by: a name its documents' metadata gives, the fullest, the most used.</summary>
    private static string BestName(IEnumerable<Variant> variants, int[] counts, IReadOnlyList<int> members)
    {
        var byName = members.Zip(variants).GroupBy(p => p.Second.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Metadata: g.Any(p => p.Second.Found == "metadata"), Count: g.Sum(p => counts[p.First])));
        return byName.OrderByDescending(n => n.Metadata)
            .ThenByDescending(n => char.IsUpper(n.Name[0]))
            .ThenByDescending(n => Words(n.Name).Count(w => !IsInitial(w)))
            .ThenByDescending(n => n.Count)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .First().Name;
    }

    internal static bool IsUri(string text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    internal static string[] Words(string name) => name.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);

    internal static bool IsInitial(string word) => word.TrimEnd('.').Length == 1 && char.IsUpper(word[0]);

    /// <summary>A distinct way a name is given: as written, of one kind, with the source's key and authority.</summary>
    internal sealed record Variant(NameKind Kind, string Name, string? Ref, string? Authority, string Found);

    /// <summary>The groups of variants after clustering and the owner's corrections.</summary>
    internal sealed record Grouping(List<List<int>> Members, int[] GroupOf, List<string?> Preferred)
    {
        public int Count => Members.Count;
    }

    private sealed class Clustering
    {
        private readonly Dictionary<Variant, int> _index = [];
        private readonly List<int> _parent = [];
        private readonly List<HashSet<string>> _authorities = [];

        // One name is given by many variants (one per key and authority): its keys are computed once.
        private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

        private string KeyOf(string name)
        {
            if (!_keys.TryGetValue(name, out var key))
                _keys[name] = key = NameFinder.SurnameKey(name);
            return key;
        }

        public List<Variant> Variants { get; } = [];

        public int Add(CatalogName name)
        {
            // A source states an author or addressee without saying whether it is a person; one
            // whose name is a body's ("Joint Plenum of the CC and CCC") is an organisation.
            var kind = name is { Kind: NameKind.Person, Found: "metadata" } && NameFinder.IsBody(name.Name) ? NameKind.Organisation : name.Kind;
            var variant = new Variant(kind, name.Name, name.Ref, name.Authority is null ? null : NormaliseUri(name.Authority),
                // Metadata and markup are what the sources state; every rule that found a name in text is a guess.
                name.Found is "metadata" or "markup" ? name.Found : "text");
            if (_index.TryGetValue(variant, out var index))
                return index;
            index = Variants.Count;
            Variants.Add(variant);
            _index[variant] = index;
            _parent.Add(index);
            var authorities = new HashSet<string>(StringComparer.Ordinal);
            foreach (var uri in new[] { variant.Authority, variant.Ref }.OfType<string>().Where(IsUri))
                authorities.Add(NormaliseUri(uri));
            _authorities.Add(authorities);
            return index;
        }

        private int Root(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }
            return i;
        }

        /// <summary>Joins two clusters; a guarded join is refused where both carry authorities and share none.</summary>
        private void Union(int a, int b, bool guarded)
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra == rb)
                return;
            if (guarded && _authorities[ra].Count > 0 && _authorities[rb].Count > 0 && !_authorities[ra].Overlaps(_authorities[rb]))
                return;
            _parent[rb] = ra;
            _authorities[ra].UnionWith(_authorities[rb]);
        }

        private void UnionByKey(Func<Variant, string?> key, bool guarded)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Variants.Count; i++)
            {
                if (key(Variants[i]) is not { Length: > 0 } k)
                    continue;
                if (first.TryGetValue(k, out var other))
                    Union(other, i, guarded);
                else
                    first[k] = i;
            }
        }

        public Grouping Groups(NameVariants corrections)
        {
            UnionByKey(v => v.Ref is null ? null : $"{v.Kind}|ref|{v.Ref}", guarded: false);
            UnionByKey(v => v.Authority is null ? null : $"{v.Kind}|uri|{v.Authority}", guarded: false);
            UnionByKey(v => $"{v.Kind}|key|{KeyOf(v.Name)}", guarded: true);
            JoinPeople();
            return Correct(corrections);
        }

        /// <summary>People by surname and first initial; bare surnames and bare initials where only one person fits.</summary>
        private void JoinPeople()
        {
            var full = new List<(int Variant, string Surname, char Initial, char SurnameInitial)>();
            var bareSurnames = new List<(int Variant, string Surname)>();
            var bareInitials = new List<(int Variant, char First, char Last)>();
            for (var i = 0; i < Variants.Count; i++)
            {
                if (Variants[i].Kind != NameKind.Person)
                    continue;
                var words = Words(Variants[i].Name);
                if (words.Length == 0)
                    continue;
                if (words.All(IsInitial))
                {
                    if (words.Length >= 2)
                        bareInitials.Add((i, Initial(words[0]), char.ToUpperInvariant(words[^1][0])));
                    continue;
                }
                var surnameWord = PersonNames.Surname(Variants[i].Name);
                var surname = KeyOf(surnameWord);
                if (words.Length == 1)
                    bareSurnames.Add((i, surname));
                else
                    full.Add((i, surname, Initial(words[0]), char.ToUpperInvariant(surnameWord[0])));
            }
            foreach (var sameSurname in full.GroupBy(f => f.Surname))
            {
                foreach (var sameInitial in sameSurname.GroupBy(f => f.Initial))
                {
                    var first = sameInitial.First().Variant;
                    foreach (var other in sameInitial.Skip(1))
                        Union(first, other.Variant, guarded: true);
                }
            }
            var people = full.GroupBy(f => f.Surname).ToDictionary(g => g.Key, g => g.Select(f => Root(f.Variant)).Distinct().ToList());
            foreach (var (variant, surname) in bareSurnames)
            {
                if (people.TryGetValue(surname, out var roots) && roots.Count == 1)
                    Union(roots[0], variant, guarded: true);
            }
            var byInitials = full.ToLookup(f => (f.Initial, f.SurnameInitial), f => f.Variant);
            foreach (var (variant, first, last) in bareInitials)
            {
                var fits = byInitials[(first, last)].Select(Root).Distinct().ToList();
                if (fits.Count == 1)
                    Union(fits[0], variant, guarded: true);
            }
        }

        /// <summary>
        /// A first name's initial, the transliterations of one Cyrillic letter folded: Iosif, Joseph
        /// and Yosif (И, Й, Ю, Я) begin alike.
        /// </summary>
        private static char Initial(string word)
            => char.ToUpperInvariant(word[0]) is 'J' or 'Y' or 'I' ? 'I' : char.ToUpperInvariant(word[0]);

        private Grouping Correct(NameVariants corrections)
        {
            var members = new List<List<int>>();
            var groupOf = new int[Variants.Count];
            var byRoot = new Dictionary<int, int>();
            for (var i = 0; i < Variants.Count; i++)
            {
                var root = Root(i);
                if (!byRoot.TryGetValue(root, out var group))
                {
                    byRoot[root] = group = members.Count;
                    members.Add([]);
                }
                members[group].Add(i);
                groupOf[i] = group;
            }
            var preferred = members.Select(_ => (string?)null).ToList();
            List<int> Matching(string name) => [.. Enumerable.Range(0, Variants.Count).Where(i => Matches(Variants[i], name))];

            foreach (var (a, b) in corrections.Splits)
            {
                var inB = Matching(b).Select(i => groupOf[i]).ToHashSet();
                var moved = Matching(a).Where(i => inB.Contains(groupOf[i])).ToList();
                if (moved.Count == 0)
                    continue;
                var group = members.Count;
                members.Add([]);
                preferred.Add(null);
                foreach (var i in moved)
                {
                    members[groupOf[i]].Remove(i);
                    members[group].Add(i);
                    groupOf[i] = group;
                }
            }
            foreach (var join in corrections.Joins)
            {
                var joined = join.SelectMany(Matching).Select(i => groupOf[i]).Distinct().ToList();
                if (joined.Count == 0)
                    continue;
                var into = joined[0];
                foreach (var group in joined.Skip(1))
                {
                    foreach (var i in members[group])
                        groupOf[i] = into;
                    members[into].AddRange(members[group]);
                    members[group].Clear();
                }
                preferred[into] = join[0];
            }
            return new Grouping(members, groupOf, preferred);
        }

        private static bool Matches(Variant variant, string name)
            => string.Equals(variant.Name, name, StringComparison.CurrentCultureIgnoreCase)
                || (variant.Authority is not null && IsUri(name) && variant.Authority == NormaliseUri(name));
    }

    /// <summary>One spelling of one authority URI: https, no "www.", no trailing slash.</summary>
    private static string NormaliseUri(string uri)
    {
        var text = uri.Trim();
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            text = "https://" + text[7..];
        text = text.Replace("://www.", "://", StringComparison.OrdinalIgnoreCase);
        return text.TrimEnd('/');
    }
}
