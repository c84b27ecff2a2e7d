using Verbatim.Access;
using Verbatim.Model;
using Verbatim.Searching;

namespace Verbatim.Storage.Tests.Catalog;

/// <summary>
/// What every catalog backend must do, written once. A backend's test class derives from this
/// and says how to open an empty catalog; the same assertions then hold for each.
/// </summary>
public abstract class CatalogContract : IDisposable
{
    private readonly ICatalog _catalog;

    protected CatalogContract()
    {
        _catalog = OpenEmpty();
        using (var batch = _catalog.Batch())
        {
            foreach (var document in TestDocuments.All)
                _catalog.Upsert(document, 1);
            batch.Commit();
        }
    }

    protected abstract ICatalog OpenEmpty();

    /// <summary>A connection of its own to the catalog <see cref="OpenEmpty"/> opened, as another process would open it.</summary>
    protected abstract ICatalog OpenAnother();

    /// <summary>Called once the test's connections are closed: a backend deletes what it made for the catalog.</summary>
    protected virtual void DeleteCatalog()
    {
    }

    public void Dispose()
    {
        _catalog.Dispose();
        DeleteCatalog();
        GC.SuppressFinalize(this);
    }

    private IReadOnlyList<string> Ids(string query, WorkFilter? filter = null)
        => [.. _catalog.Search(new SearchQuery(query) { Filter = filter ?? new(), Limit = 100 }).Hits.Select(h => h.Id)];

    [Fact]
    public void Holds_every_document_added()
        => Assert.Equal(TestDocuments.All.Count, _catalog.Count);

    [Fact]
    public void Word_finds_body_text_and_ranks_title_matches_first()
    {
        Assert.Equal(["lenin-1921-05-30-to-lutovinov"], Ids("Grzhebin"));
        var ids = Ids("Stalin");
        Assert.Contains("lenin-1921-10-20-to-stalin", ids);
        Assert.Contains("trotsky-1930-03-22-with-lenin-against-stalin", ids);
    }

    [Fact]
    public void Phrase_matches_words_in_that_order_only()
    {
        Assert.Equal(["trotsky-1930-03-22-with-lenin-against-stalin"], Ids("\"with the very best comradely greetings\""));
        Assert.Empty(Ids("\"greetings comradely best\""));
    }

    [Fact]
    public void Prefix_matches_every_word_it_begins()
    {
        Assert.Contains("lenin-1921-05-30-to-lutovinov", Ids("demagnetis*"));
        Assert.Empty(Ids("demagnetis"));
    }

    [Fact]
    public void Boolean_operators_combine_terms()
    {
        Assert.Equal(["lenin-1921-05-30-to-lutovinov"], Ids("Krasin AND Lomonosov"));
        Assert.Equal(2, Ids("Grzhebin OR Alliluyeva").Count);
        Assert.DoesNotContain("trotsky-1930-03-22-with-lenin-against-stalin", Ids("Stalin NOT Mdivani"));
        Assert.Equal(2, Ids("(Grzhebin OR Alliluyeva) Lenin").Count);
    }

    [Fact]
    public void A_phrase_is_found_within_one_field_never_across_two()
    {
        var letter = TestDocuments.All.Single(d => d.Id == Letter);
        _catalog.Upsert(letter with
        {
            Title = "About the grain",
            Body = [new Block(BlockType.P, "Comrade Stalin, the harvest.", 0)],
            Notes = [new Note("1", "Ploughs were short.", [0])],
        }, 2);

        Assert.Equal([Letter], Ids("\"about the grain\""));
        Assert.Equal([Letter], Ids("\"comrade stalin the harvest\""));
        Assert.Empty(Ids("\"grain V\""));
        Assert.Empty(Ids("\"Stalin comrade\""));
        Assert.Empty(Ids("\"harvest ploughs\""));
    }

    [Fact]
    public void A_document_holding_a_NUL_character_is_catalogued_found_and_read_at_the_same_offsets()
    {
        var letter = TestDocuments.All.Single(d => d.Id == Letter);
        var nul = letter with
        {
            Id = "with-a-nul",
            Title = "Nul\0title",
            Body = [new Block(BlockType.P, "Before\0Xylophagous after.", 0)],
            Authors = [new PersonRef("Nul\0Person")],
        };
        _catalog.Upsert(nul, 1);
        _catalog.UpsertNames(nul, [new CatalogName(NameKind.Person, "mentioned", "Found\0Name", null, null, "a rule")]);

        Assert.Equal(["with-a-nul"], Ids("xylophagous"));
        var body = _catalog.Text("with-a-nul")!.Body;
        Assert.Equal(nul.BodyText.Length, body.Length);
        Assert.Equal(nul.BodyText.IndexOf("Xylophagous", StringComparison.Ordinal), body.IndexOf("Xylophagous", StringComparison.Ordinal));
        Assert.Single(_catalog.Letters(), l => l.Id == "with-a-nul");
    }

    [Fact]
    public void Notes_are_searched_too()
        => Assert.Equal(["lenin-1921-10-20-to-stalin"], Ids("Lalayants Irkutsk"));

    [Fact]
    public void Accents_do_not_matter()
        => Assert.Equal(Ids("Bolsche"), Ids("Bölsche"));

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("AND")]
    [InlineData("OR NOT")]
    [InlineData("Stalin AND")]
    [InlineData("NEAR(Stalin Lenin)")]
    [InlineData("title:Stalin")]
    [InlineData("Stalin:* & !Lenin | <-> (Trotsky <2> Lenin)")]
    [InlineData("O'Brien \\ 'Stalin' \"it''s\"")]
    [InlineData("^Stalin")]
    [InlineData("-Stalin +Lenin")]
    [InlineData("{title body}: Stalin")]
    [InlineData("Lenin's \"letter")]
    [InlineData("R.C.P.(B.)")]
    [InlineData("()")]
    [InlineData("'; DROP TABLE documents; --")]
    public void Query_with_search_syntax_characters_never_errors(string query)
    {
        var results = _catalog.Search(new SearchQuery(query));
        Assert.True(results.Total >= 0);
        Assert.Equal(TestDocuments.All.Count, _catalog.Count);
    }

    [Theory]
    [InlineData("(Stalin", 0)]
    [InlineData("Stalin)", 6)]
    public void Unbalanced_parenthesis_is_reported_with_its_place(string query, int position)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => _catalog.Search(new SearchQuery(query)));
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Snippet_marks_the_matched_words()
    {
        var hit = Assert.Single(_catalog.Search(new SearchQuery("Grzhebin")).Hits);
        Assert.Contains($"{SearchResults.MarkStart}Grzhebin{SearchResults.MarkEnd}", hit.Snippet);
        Assert.True(hit.Score > 0);
    }

    [Fact]
    public void A_word_repeated_two_thousand_times_is_searched_once()
    {
        var results = _catalog.Search(new SearchQuery(string.Join(' ', Enumerable.Repeat("Grzhebin", 2000))));
        var hit = Assert.Single(results.Hits);
        Assert.Contains($"{SearchResults.MarkStart}Grzhebin{SearchResults.MarkEnd}", hit.Snippet);
    }

    [Fact]
    public void A_query_of_more_terms_than_a_search_takes_is_refused_with_the_place()
    {
        var query = string.Join(" OR ", Enumerable.Repeat("Stalin", 200));
        var error = Assert.Throws<QuerySyntaxException>(() => _catalog.Search(new SearchQuery(query)));
        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Position, 1, query.Length - 1);
    }

    [Fact]
    public void A_search_past_its_time_limit_is_stopped()
        => Assert.Throws<QueryTooCostlyException>(() => _catalog.Search(new SearchQuery("Stalin OR Lenin") { TimeLimit = TimeSpan.Zero }));

    [Fact]
    public void A_search_whose_caller_has_gone_is_stopped()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => _catalog.Search(new SearchQuery("Stalin"), gone.Token));
    }

    [Fact]
    public void A_stopped_search_leaves_the_catalog_answering()
    {
        Assert.Throws<QueryTooCostlyException>(() => _catalog.Search(new SearchQuery("Stalin") { TimeLimit = TimeSpan.Zero }));
        Assert.Equal(["lenin-1921-05-30-to-lutovinov"], Ids("Grzhebin"));
    }

    [Fact]
    public void Filters_narrow_by_author_addressee_year_kind_collection_and_volume()
    {
        Assert.All(Ids("", new WorkFilter { Author = "lenin" }), id => Assert.StartsWith("lenin-", id));
        Assert.Equal(["lenin-1921-12-20-to-zalutsky-and-solts"], Ids("", new WorkFilter { Addressee = "Solts" }));
        Assert.Equal(3, Ids("", new WorkFilter { YearFrom = 1921, YearTo = 1921 }).Count);
        Assert.Equal(["trotsky-1930-03-22-with-lenin-against-stalin"], Ids("", new WorkFilter { Kind = "article" }));
        Assert.Equal(3, Ids("", new WorkFilter { Collection = "Lenin Collected Works", Volume = "45" }).Count);
        Assert.Equal(["lenin-1921-10-20-to-stalin"], Ids("Stalin", new WorkFilter { Author = "Lenin", Addressee = "stalin" }));
    }

    [Fact]
    public void A_narrow_filter_finds_what_another_connection_wrote_in_place_of_what_it_admitted_before()
    {
        var letter = TestDocuments.All.First(d => d.Id == "lenin-1921-10-20-to-stalin");
        using (var batch = _catalog.Batch())
        {
            for (var copy = 1; copy <= 12; copy++)
                _catalog.Upsert(letter with { Id = $"copy-{copy:00}", Authors = [new PersonRef($"Writer {copy:00}")] }, 1);
            batch.Commit();
        }
        using var other = OpenAnother();
        var query = new SearchQuery("Stalin") { Filter = new WorkFilter { Author = "writer 07" } };
        Assert.Equal(["copy-07"], other.Search(query).Hits.Select(h => h.Id));

        _catalog.Upsert(letter with { Id = "copy-07", Title = "Rewritten", Authors = [new PersonRef("Writer 07")] }, 2);

        Assert.Equal(["Rewritten"], other.Search(query).Hits.Select(h => h.Title));
    }

    [Fact]
    public void A_filter_that_admits_few_documents_gives_the_hits_and_scores_of_the_whole_match_it_admits()
    {
        var letter = TestDocuments.All.First(d => d.Id == "lenin-1921-10-20-to-stalin");
        using (var batch = _catalog.Batch())
        {
            for (var copy = 1; copy <= 40; copy++)
            {
                _catalog.Upsert(letter with
                {
                    Id = $"copy-{copy:00}",
                    Title = string.Concat(Enumerable.Repeat("Stalin ", copy % 4)) + "copy",
                    Authors = [new PersonRef($"Writer {copy:00}")],
                    Written = new DateSpan { Date = $"{1950 + (copy % 5)}-01-01", Precision = DatePrecision.Day },
                }, 1);
            }
            batch.Commit();
        }
        var whole = _catalog.Search(new SearchQuery("Stalin") { Limit = 1000 });
        foreach (var filter in new[] { new WorkFilter { Author = "writer 07" }, new WorkFilter { YearFrom = 1951, YearTo = 1951 }, new WorkFilter { Author = "Writer 1", YearTo = 1952 } })
        {
            var filtered = _catalog.Search(new SearchQuery("Stalin") { Filter = filter, Limit = 1000 });
            var admitted = _catalog.Search(new SearchQuery("") { Filter = filter, Limit = 1000 }).Hits.Select(h => h.Id).ToHashSet();
            var expected = whole.Hits.Where(h => admitted.Contains(h.Id)).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(h => (h.Id, h.Score)), filtered.Hits.Select(h => (h.Id, h.Score)));
            Assert.Equal(expected.Count, filtered.Total);
            Assert.Equal(expected.Count, filtered.Facets["kind"].Sum(f => f.Count));
        }
    }

    [Fact]
    public void Facets_count_the_whole_result_not_the_page()
    {
        var results = _catalog.Search(new SearchQuery("") { Limit = 1 });
        Assert.Single(results.Hits);
        Assert.Equal(TestDocuments.All.Count, results.Total);
        Assert.Contains(new FacetCount("letter", TestDocuments.All.Count(d => d.Kind == DocumentKind.Letter)), results.Facets["kind"]);
        Assert.Contains(new FacetCount("1921", 3), results.Facets["year"]);
        Assert.Contains(new FacetCount("V. I. Lenin", 3), results.Facets["author"]);
        Assert.Contains(new FacetCount("45", 3), results.Facets["volume"]);
    }

    [Fact]
    public void Facets_follow_the_match_and_the_filters_and_see_every_write()
    {
        var matched = _catalog.Search(new SearchQuery("Stalin") { Filter = new WorkFilter { Author = "Lenin" }, Limit = 1 });
        Assert.Equal(matched.Total, matched.Facets["author"].Single().Count);
        Assert.Equal(matched.Total, matched.Facets["kind"].Sum(f => f.Count));

        var before = _catalog.Search(new SearchQuery("")).Facets["year"];
        var letter = TestDocuments.All.First(d => d.Id == "lenin-1921-10-20-to-stalin");
        _catalog.Upsert(letter with { Written = new DateSpan { Date = "1899-01-01", Precision = DatePrecision.Day } }, 2);
        var after = _catalog.Search(new SearchQuery("")).Facets["year"];
        Assert.Equal(before.Single(f => f.Value == "1921").Count - 1, after.Single(f => f.Value == "1921").Count);
        Assert.Contains(new FacetCount("1899", 1), after);
    }

    [Fact]
    public void Pages_are_disjoint_and_cover_the_result()
    {
        var all = _catalog.Search(new SearchQuery("") { Limit = 100 }).Hits.Select(h => h.Id).ToList();
        var paged = new List<string>();
        for (var offset = 0; offset < all.Count; offset += 3)
            paged.AddRange(_catalog.Search(new SearchQuery("") { Offset = offset, Limit = 3 }).Hits.Select(h => h.Id));
        Assert.Equal(all, paged);
    }

    [Fact]
    public void Upsert_replaces_and_remove_forgets()
    {
        var letter = TestDocuments.All.First(d => d.Id == "lenin-1921-10-20-to-stalin");
        _catalog.Upsert(letter with { Title = "Renamed note", Body = [new Block(BlockType.P, "Nothing but xylophone.", 0)], Notes = [] }, 2);
        Assert.Equal(TestDocuments.All.Count, _catalog.Count);
        Assert.Equal(["lenin-1921-10-20-to-stalin"], Ids("xylophone"));
        Assert.Empty(Ids("Lalayants"));
        Assert.Equal(2, _catalog.List(new WorkFilter()).Single(e => e.Id == letter.Id).Version);
        _catalog.Remove(letter.Id);
        Assert.Empty(Ids("xylophone"));
        Assert.Equal(TestDocuments.All.Count - 1, _catalog.Count);
    }

    [Fact]
    public void Works_index_is_in_date_order_with_people()
    {
        var entries = _catalog.List(new WorkFilter());
        var dated = entries.Where(e => e.Date is not null).Select(e => e.Date).ToList();
        Assert.Equal(dated.Order(StringComparer.Ordinal), dated);
        var letter = entries.Single(e => e.Id == "lenin-1921-12-20-to-zalutsky-and-solts");
        Assert.Equal(["Zalutsky", "Solts"], letter.Addressees);
        Assert.Equal(["V. I. Lenin"], letter.Authors);
        Assert.Equal(("Lenin Collected Works", "45"), (letter.Collection, letter.Volume));
    }

    [Fact]
    public void Clear_empties_the_catalog()
    {
        _catalog.Clear();
        Assert.Equal(0, _catalog.Count);
        Assert.Equal(0, _catalog.Search(new SearchQuery("Stalin")).Total);
    }

    private const string Letter = "lenin-1921-10-20-to-stalin";
    private const string Polemic = "trotsky-1930-03-22-with-lenin-against-stalin";

    [Fact]
    public void Fingerprints_of_a_long_text_are_all_found_however_many_hashes_are_asked_at_once()
    {
        // More hashes than one statement is given, each held by one document or both, one of them
        // more often than the limit asked.
        var letter = Enumerable.Range(0, 25_000).Select(k => new Fingerprint((ulong)k * 7919, Letter, k, 10 * k)).ToList();
        var polemic = Enumerable.Range(0, 25_000).Where(k => k % 3 == 0).Select(k => new Fingerprint((ulong)k * 7919, Polemic, k, 5 * k)).ToList();
        polemic.AddRange(Enumerable.Range(30_000, 5).Select(k => new Fingerprint(1, Polemic, k, k)));
        _catalog.SetFingerprints(Letter, "scheme-1", letter);
        _catalog.SetFingerprints(Polemic, "scheme-1", polemic);

        var found = _catalog.FindFingerprints([.. letter.Select(f => f.Hash).Reverse(), 1], 3);

        // Which three places of the common run come back is not set: that three do is.
        var expected = letter.Concat(polemic.Take(polemic.Count - 5)).Select(f => (f.Hash, f.DocumentId, f.FirstWord, f.Start)).ToList();
        Assert.Equal(expected.Order(), found.Where(f => f.Hash != 1).Select(f => (f.Hash, f.DocumentId, f.FirstWord, f.Start)).Order());
        Assert.Equal(3, found.Count(f => f.Hash == 1));
    }

    [Fact]
    public void Fingerprints_are_found_by_hash_and_go_with_their_document()
    {
        // The largest hash checks that all 64 bits survive the database's signed integers.
        _catalog.SetFingerprints(Letter, "scheme-1", [new(ulong.MaxValue, Letter, 0, 0), new(42, Letter, 7, 31)]);
        _catalog.SetFingerprints(Polemic, "scheme-1", [new(42, Polemic, 3, 12)]);
        Assert.Equal("scheme-1", _catalog.FingerprintScheme);
        Assert.Equal([new Fingerprint(ulong.MaxValue, Letter, 0, 0)], _catalog.FindFingerprints([ulong.MaxValue], 10));
        Assert.Equal([(Letter, 7, 31), (Polemic, 3, 12)], _catalog.FindFingerprints([42], 10).Select(f => (f.DocumentId, f.FirstWord, f.Start)).Order());
        Assert.Single(_catalog.FindFingerprints([42], 1));
        Assert.Equal(3, _catalog.FindFingerprints([42, ulong.MaxValue, 999, 42], 10).Count);

        _catalog.SetFingerprints(Letter, "scheme-1", [new(43, Letter, 1, 5)]);
        Assert.Equal([Polemic], _catalog.FindFingerprints([42], 10).Select(f => f.DocumentId));

        _catalog.Upsert(TestDocuments.All.Single(d => d.Id == Polemic), 2);
        Assert.Empty(_catalog.FindFingerprints([42], 10));
        _catalog.Remove(Letter);
        Assert.Empty(_catalog.FindFingerprints([43], 10));
    }

    [Fact]
    public void Source_digests_and_same_texts_are_found_and_go_with_their_document()
    {
        _catalog.SetSourceDigest(Letter, "digest-of-the-letter");
        Assert.Equal(Letter, _catalog.HolderOfSource("digest-of-the-letter"));
        Assert.Null(_catalog.HolderOfSource("digest-of-nothing"));

        var letter = TestDocuments.All.Single(d => d.Id == Letter);
        var twin = letter with { Id = "the-letter-as-html", Body = [.. letter.Body.Select(b => b with { Text = b.Text.Replace(" ", "\n", StringComparison.Ordinal) })] };
        _catalog.Upsert(twin, 1);
        Assert.Equal([twin.Id], _catalog.SameText(Letter));
        Assert.Equal([Letter], _catalog.SameText(twin.Id));

        _catalog.Upsert(letter, 2);
        Assert.Null(_catalog.HolderOfSource("digest-of-the-letter"));
        _catalog.Remove(twin.Id);
        Assert.Empty(_catalog.SameText(Letter));
    }

    [Fact]
    public void A_printing_dates_no_writing_but_attests_the_text()
    {
        var printed = TestDocuments.All[0] with
        {
            Id = "printed-only",
            Written = null,
            Source = new SourceEdition { Collection = "Izvestia TsK KPSS", Year = 1989, Text = "Izvestia TsK KPSS, 1989, No. 12" },
        };
        _catalog.Upsert(printed, 1);
        Assert.Null(_catalog.List(new WorkFilter()).Single(w => w.Id == printed.Id).Date);
        Assert.DoesNotContain(printed.Id, _catalog.List(new WorkFilter { YearFrom = 1989, YearTo = 1989 }).Select(w => w.Id));
        var text = _catalog.Text(printed.Id)!;
        Assert.Equal((null, "1989"), (text.Date, text.Attested));
    }

    [Fact]
    public void The_text_of_a_document_is_its_body_title_sort_date_and_compilation_as_catalogued()
    {
        var dates = _catalog.List(new WorkFilter()).ToDictionary(w => w.Id, w => w.Date);
        foreach (var document in TestDocuments.All)
        {
            var text = _catalog.Text(document.Id);
            Assert.Equal(new CatalogText(document.Id, document.Title, dates[document.Id], document.PartOf, document.BodyText, text?.Attested), text);
            // A text is known to have existed by the time it was written, where that is known.
            if (dates[document.Id] is { } written)
                Assert.Equal(written, text!.Attested);
        }
        var part = TestDocuments.All[0] with { Id = "a-part", PartOf = Letter };
        _catalog.Upsert(part, 1);
        Assert.Equal(Letter, _catalog.Text("a-part")?.PartOf);
        _catalog.Remove("a-part");
        Assert.Null(_catalog.Text("a-part"));
        Assert.Null(_catalog.Text("no-such-document"));
    }

    /// <summary>The most fingerprints the catalog holds before it writes them (one statement's slice); 0 where each is written as it is read.</summary>
    protected virtual int FingerprintsHeldUnwritten => 0;

    [Fact]
    public void Fingerprints_are_written_as_they_are_read_not_gathered_first()
    {
        // A long text's fingerprints are millions: each is asked for only once all but the last
        // slice of those before it are in the catalog, so that they are never all held at once.
        // Two documents, read side by side, each longer than a slice.
        var held = FingerprintsHeldUnwritten;
        var perDocument = held + 3_000;
        var handed = new List<ulong>();
        IEnumerable<Fingerprint> Runs(string id, ulong first)
        {
            for (var k = 0; k < perDocument; k++)
            {
                var hash = first + (2 * (ulong)k);
                // The merge of the two reads one ahead in each. Where slices are written, checked
                // at every 97th: each check is a query.
                if (handed.Count > held + 1 && (held == 0 || handed.Count % 97 == 0))
                    Assert.Single(_catalog.FindFingerprints([handed[^(held + 2)]], 10));
                handed.Add(hash);
                yield return new Fingerprint(hash, id, k, k * 4);
            }
        }
        _catalog.SetFingerprints("scheme-1", [(Letter, Runs(Letter, 10)), (Polemic, Runs(Polemic, 11))]);
        Assert.Equal(2 * perDocument, handed.Count);
        var last = perDocument - 1;
        Assert.Equal([(Letter, last, last * 4)], _catalog.FindFingerprints([10 + (2 * (ulong)last)], 10).Select(f => (f.DocumentId, f.FirstWord, f.Start)));
        Assert.Equal(perDocument, _catalog.FingerprintsOf(Polemic).Count);
    }

    [Fact]
    public void Fingerprints_of_many_documents_set_at_once_replace_what_each_held()
    {
        _catalog.SetFingerprints(Letter, "scheme-1", [new(7, Letter, 0, 0)]);
        _catalog.SetFingerprints("scheme-1", [
            (Letter, [new(42, Letter, 7, 31), new(ulong.MaxValue, Letter, 9, 40)]),
            (Polemic, [new(42, Polemic, 3, 12), new(42, Polemic, 30, 120)]),
        ]);
        Assert.Empty(_catalog.FindFingerprints([7], 10));
        Assert.Equal([(Letter, 7, 31), (Polemic, 3, 12), (Polemic, 30, 120)],
            _catalog.FindFingerprints([42], 10).Select(f => (f.DocumentId, f.FirstWord, f.Start)).Order());
        Assert.Equal([new Fingerprint(ulong.MaxValue, Letter, 9, 40)], _catalog.FindFingerprints([ulong.MaxValue], 10));
        Assert.Throws<ArgumentException>(() => _catalog.SetFingerprints("scheme-1", [(Letter, [new(1, Polemic, 0, 0)])]));
    }

    [Theory]
    [InlineData("Stalin")]
    [InlineData("Lenin", "Stalin", "Grzhebin")]
    [InlineData("Lenin", "Stalin", "Grzhebin", "Krasin", "Lomonosov")]
    [InlineData("the", "and", "Alliluyeva")]
    [InlineData("the", "and", "Alliluyeva", "Grzhebin", "Lalayants", "Irkutsk")]
    [InlineData("nosuchwordanywhere", "Lenin")]
    public void Best_matches_of_any_word_are_the_first_hits_of_a_search_for_any_of_them(params string[] words)
    {
        var query = string.Join(" OR ", words.Select(w => $"\"{w}\""));
        for (var limit = 1; limit <= 4; limit++)
        {
            var searched = _catalog.Search(new SearchQuery(query) { Limit = limit }).Hits.Select(h => h.Id);
            Assert.Equal(searched, _catalog.BestMatchesOfAnyWord(words, limit));
        }
    }

    [Fact]
    public void Best_matches_of_no_word_held_are_none()
    {
        Assert.Empty(_catalog.BestMatchesOfAnyWord(["nosuchwordanywhere"], 3));
        Assert.Empty(_catalog.BestMatchesOfAnyWord(["\""], 3));
        Assert.Empty(_catalog.BestMatchesOfAnyWord([], 3));
    }

    [Fact]
    public void Fingerprints_of_two_schemes_never_meet()
    {
        _catalog.SetFingerprints(Letter, "scheme-1", [new(1, Letter, 0, 0)]);
        Assert.Throws<InvalidOperationException>(() => _catalog.SetFingerprints(Polemic, "scheme-2", [new(1, Polemic, 0, 0)]));
        _catalog.Clear();
        Assert.Null(_catalog.FingerprintScheme);
    }

    [Fact]
    public void Quote_links_are_listed_from_both_sides_and_dropped_with_either_document()
    {
        var link = new QuoteLink(Letter, 10, 50, Polemic, 400, 52, 9, "by-date");
        var within = new QuoteLink(Polemic, 100, 40, Polemic, 900, 41, 8, "within-document");
        _catalog.AddQuoteLinks([link, within]);
        Assert.Equal([link], _catalog.QuoteLinks(Letter));
        Assert.Equal(new[] { link, within }.OrderBy(l => l.SourceId, StringComparer.Ordinal), _catalog.QuoteLinks(Polemic));

        _catalog.Upsert(TestDocuments.All.Single(d => d.Id == Letter), 2);
        Assert.Empty(_catalog.QuoteLinks(Letter));
        Assert.Equal([within], _catalog.QuoteLinks(Polemic));
    }

    [Fact]
    public void Quote_links_between_a_document_and_others_are_dropped_in_either_direction_and_no_others()
    {
        var third = TestDocuments.All.First(d => d.Id != Letter && d.Id != Polemic).Id;
        var toPolemic = new QuoteLink(Letter, 10, 50, Polemic, 400, 52, 9, "by-date");
        var fromPolemic = new QuoteLink(Polemic, 5, 30, Letter, 60, 30, 6, "by-date");
        var within = new QuoteLink(Letter, 100, 40, Letter, 900, 41, 8, "within-document");
        var toThird = new QuoteLink(Letter, 200, 20, third, 10, 20, 5, "by-date");
        var polemicAndThird = new QuoteLink(Polemic, 300, 20, third, 30, 20, 5, "by-date");
        _catalog.AddQuoteLinks([toPolemic, fromPolemic, within, toThird, polemicAndThird]);

        _catalog.RemoveQuoteLinksBetween(Letter, [Polemic, Letter]);
        Assert.Equal([toThird], _catalog.QuoteLinks(Letter));
        Assert.Equal([polemicAndThird], _catalog.QuoteLinks(Polemic));
        _catalog.RemoveQuoteLinksBetween(third, [Letter]);
        Assert.Equal([polemicAndThird], _catalog.QuoteLinks(third));
        _catalog.RemoveQuoteLinksBetween(third, []);
        Assert.Equal([polemicAndThird], _catalog.QuoteLinks(third));
    }

    [Fact]
    public void Closed_documents_are_listed_with_their_rules_and_open_ones_never()
    {
        Assert.Empty(_catalog.ClosedDocuments());
        _catalog.SetAccess(Letter, DocumentAccess.RestrictedTo(["family"]));
        _catalog.SetAccess(Polemic, DocumentAccess.EmbargoedUntil(new DateOnly(2031, 1, 21)));

        var closed = _catalog.ClosedDocuments();

        Assert.Equal(2, closed.Count);
        Assert.Equal(DocumentAccess.RestrictedTo(["family"]), closed[Letter]);
        Assert.Equal(DocumentAccess.EmbargoedUntil(new DateOnly(2031, 1, 21)), closed[Polemic]);
        _catalog.SetAccess(Letter, DocumentAccess.Open);
        Assert.Equal([Polemic], _catalog.ClosedDocuments().Keys);
    }

    [Fact]
    public void An_upsert_or_removal_drops_the_access_with_the_rest_of_the_document()
    {
        _catalog.SetAccess(Letter, DocumentAccess.WithdrawnBecause("a forgery"));
        _catalog.SetAccess(Polemic, DocumentAccess.WithdrawnBecause("a forgery"));

        _catalog.Upsert(TestDocuments.All.Single(d => d.Id == Letter), 2);
        _catalog.Remove(Polemic);

        Assert.Empty(_catalog.ClosedDocuments());
    }

    [Fact]
    public void Hidden_documents_are_left_out_of_hits_totals_facets_and_the_works_index()
    {
        var all = _catalog.Search(new SearchQuery("Stalin") { Limit = 100 });
        var hidden = new HashSet<string>(StringComparer.Ordinal) { "lenin-1921-10-20-to-stalin" };
        var filter = new WorkFilter { Hidden = hidden };

        var seen = _catalog.Search(new SearchQuery("Stalin") { Filter = filter, Limit = 100 });
        var browsed = _catalog.Search(new SearchQuery("") { Filter = filter, Limit = 100 });

        Assert.Contains(all.Hits, h => h.Id == "lenin-1921-10-20-to-stalin");
        Assert.DoesNotContain(seen.Hits, h => hidden.Contains(h.Id));
        Assert.Equal(all.Total - 1, seen.Total);
        Assert.Equal(all.Facets["kind"].Sum(f => f.Count) - 1, seen.Facets["kind"].Sum(f => f.Count));
        Assert.Equal(TestDocuments.All.Count - 1, browsed.Total);
        Assert.DoesNotContain(browsed.Hits, h => hidden.Contains(h.Id));
        Assert.DoesNotContain(_catalog.List(filter), w => hidden.Contains(w.Id));
        Assert.Equal(TestDocuments.All.Count - 1, _catalog.List(filter).Count);
    }
    [Fact]
    public void Names_and_dating_are_held_for_a_catalogued_document_and_go_with_it()
    {
        var zweig = TestDocuments.All.Single(d => d.Id == "zweig-1911-06-05-to-schnitzler-l03634");
        var found = new CatalogName(NameKind.Person, "mentioned", "Hugo von Hofmannsthal", null, null, "a rule");
        _catalog.UpsertNames(zweig, [found]);

        var letter = _catalog.Letters().Single(l => l.Id == zweig.Id);

        Assert.Equal((zweig.Title, "letter", "1911-06-05"), (letter.Title, letter.Kind, letter.SortDate));
        Assert.Equal(zweig.Written! with { Mode = null, From = null, Evidence = null, Means = null, Time = null }, letter.Written);
        var people = zweig.Authors.Count + zweig.Addressees.Count + zweig.CopiesTo.Count;
        Assert.Contains(new CatalogName(NameKind.Person, "author", "Stefan Zweig", zweig.Authors[0].Ref, null, "metadata"), letter.Names.Take(people));
        Assert.All(letter.Names.Take(people), n => Assert.Equal("metadata", n.Found));
        Assert.Equal(zweig.Mentions.Count, letter.Names.Count(n => n.Found == "markup"));
        Assert.Contains(found, letter.Names);
        Assert.Contains(new CatalogName(NameKind.Place, "place", "Wien", "#pmb50", null, "metadata"), letter.Names);
        Assert.Contains("Hugo von Hofmannsthal", _catalog.PersonNames());
        Assert.Contains("V. I. Lenin", _catalog.PersonNames());

        // Names are replaced, not added to; an upsert of the document drops them with its other rows.
        _catalog.UpsertNames(zweig, []);
        Assert.DoesNotContain(found, _catalog.Letters().Single(l => l.Id == zweig.Id).Names);
        _catalog.UpsertNames(zweig, [found]);
        _catalog.Upsert(zweig, 2);
        Assert.DoesNotContain("Hugo von Hofmannsthal", _catalog.PersonNames());
        Assert.Null(_catalog.Letters().Single(l => l.Id == zweig.Id).Written);
        Assert.Throws<InvalidOperationException>(() => _catalog.UpsertNames(zweig with { Id = "not-catalogued" }, []));
    }

    [Fact]
    public void Letters_come_in_date_order_the_undated_last_each_with_its_people_first()
    {
        var letters = _catalog.Letters();

        Assert.Equal(TestDocuments.All.Count, letters.Count);
        var dated = letters.TakeWhile(l => l.SortDate is not null).Select(l => l.SortDate).ToList();
        Assert.Equal(dated.Order(StringComparer.Ordinal), dated);
        Assert.All(letters.SkipWhile(l => l.SortDate is not null), l => Assert.Null(l.SortDate));
        var goldmann = letters.Single(l => l.Id == "goldmann-1893-06-04-to-schnitzler-l02710");
        Assert.Equal(["Paul Goldmann", "Fedor Mamroth"], goldmann.Names.Where(n => n.Role == "author").Select(n => n.Name));
    }
    [Fact]
    public void Another_connection_sees_what_one_wrote_after_it_searched()
    {
        using var other = OpenAnother();
        var stalin = other.Search(new SearchQuery("Stalin"));
        var kinds = other.Search(new SearchQuery("")).Facets["kind"];

        _catalog.Remove(Polemic);

        var after = other.Search(new SearchQuery("Stalin"));
        Assert.Equal(stalin.Total - 1, after.Total);
        Assert.DoesNotContain(after.Hits, h => h.Id == Polemic);
        Assert.Equal(kinds.Sum(k => k.Count) - 1, other.Search(new SearchQuery("")).Facets["kind"].Sum(k => k.Count));
        Assert.Equal(TestDocuments.All.Count - 1, other.List(new WorkFilter()).Count);
        Assert.Null(other.Text(Polemic));
    }

    [Fact]
    public void Within_a_snapshot_a_connection_sees_one_committed_state_and_the_next_write_after_it()
    {
        using var other = OpenAnother();
        var before = TestDocuments.All.Count;
        using (other.Snapshot())
        {
            Assert.Equal(before, other.Search(new SearchQuery("")).Total);
            _catalog.Remove(Polemic);
            Assert.Equal(before, other.List(new WorkFilter()).Count);
            Assert.Equal(before, other.Search(new SearchQuery("")).Total);
            Assert.Equal(before, other.Count);
        }
        Assert.Equal(before - 1, other.Search(new SearchQuery("")).Total);
        Assert.Equal(before - 1, other.List(new WorkFilter()).Count);
    }

    [Fact]
    public void Every_committed_batch_changes_the_generation_another_connection_reads_and_a_clear_moves_it_on()
    {
        using var other = OpenAnother();
        var first = other.Generation;
        Assert.NotEqual(0, first);
        _catalog.Upsert(TestDocuments.All[0], 2);
        var second = other.Generation;
        Assert.True(second > first);
        using (var batch = _catalog.Batch())
        {
            _catalog.Remove(Letter);
            Assert.Equal(second, other.Generation);
            batch.Commit();
        }
        var third = other.Generation;
        Assert.True(third > second);
        _catalog.Clear();
        Assert.True(other.Generation > third);
        Assert.Equal(other.Generation, _catalog.Generation);
    }

    [Fact]
    public void A_batch_an_exception_leaves_keeps_none_of_its_writes_and_the_exception_is_its_own()
    {
        using var other = OpenAnother();
        var generation = other.Generation;
        var count = _catalog.Count;
        var changed = TestDocuments.All.Single(d => d.Id == Letter) with { Title = "A title the batch never kept" };

        void WritesThenFails()
        {
            using var batch = _catalog.Batch();
            _catalog.Upsert(changed, 2);
            _catalog.Remove(TestDocuments.All.First(d => d.Id != Letter).Id);
            throw new InvalidOperationException("the disk went away");
        }

        var thrown = Assert.Throws<InvalidOperationException>(WritesThenFails);

        Assert.Equal("the disk went away", thrown.Message);
        Assert.Equal((count, generation), (_catalog.Count, other.Generation));
        Assert.Equal((count, generation), (other.Count, _catalog.Generation));
        Assert.Empty(other.Search(new SearchQuery("\"A title the batch never kept\"")).Hits);
        // The catalog goes on: the next batch is kept.
        using (var batch = _catalog.Batch())
        {
            _catalog.Upsert(changed, 2);
            batch.Commit();
        }
        Assert.Single(other.Search(new SearchQuery("\"A title the batch never kept\"")).Hits);
    }

    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Gives every test document version 1 at one second apart from noon on, in the order of <see cref="TestDocuments.All"/>.</summary>
    private void RecordFirstVersions()
    {
        using var batch = _catalog.Batch();
        foreach (var (document, i) in TestDocuments.All.Select((d, i) => (d, i)))
            _catalog.RecordVersions(document.Id, [new CatalogVersion(1, Noon.AddSeconds(i), "open")]);
        batch.Commit();
    }

    private List<HarvestEntry> HarvestAll(HarvestQuery query)
    {
        var entries = new List<HarvestEntry>();
        for (var page = _catalog.Harvest(query); page.Count > 0; page = _catalog.Harvest(query with { After = entries[^1] }))
            entries.AddRange(page);
        return entries;
    }

    [Fact]
    public void A_harvest_gives_each_document_once_at_its_latest_version_in_order_of_time_and_id_page_after_page()
    {
        RecordFirstVersions();
        var query = new HarvestQuery(Noon.AddHours(1)) { Limit = 2 };

        var entries = HarvestAll(query);

        Assert.Equal(TestDocuments.All.Select(d => d.Id), entries.Select(e => e.Id));
        Assert.All(entries, e => Assert.Equal(1, e.Version));
        Assert.Equal(TestDocuments.All.Count, _catalog.HarvestCount(query));
        Assert.Equal(Noon.AddSeconds(3), entries[3].Created);
    }

    [Fact]
    public void A_harvest_is_of_the_catalog_as_it_stood_at_its_moment_whatever_is_recorded_after_it()
    {
        RecordFirstVersions();
        var moment = Noon.AddHours(1);
        var query = new HarvestQuery(moment) { Limit = 3 };
        var first = _catalog.Harvest(query);
        // After the harvest began: a new version of a document already given and of one not yet given, and a new document.
        var (given, notYet) = (first[0].Id, TestDocuments.All[^1].Id);
        var added = TestDocuments.All[0] with { Id = "a-later-document" };
        using (var batch = _catalog.Batch())
        {
            _catalog.RecordVersions(given, [new CatalogVersion(2, moment.AddSeconds(5), "open")]);
            _catalog.RecordVersions(notYet, [new CatalogVersion(2, moment.AddSeconds(6), "open")]);
            _catalog.Upsert(added, 1);
            _catalog.RecordVersions(added.Id, [new CatalogVersion(1, moment.AddSeconds(7), "open")]);
            batch.Commit();
        }

        var rest = HarvestAll(query with { After = first[^1] });

        var whole = first.Concat(rest).ToList();
        Assert.Equal(TestDocuments.All.Select(d => d.Id), whole.Select(e => e.Id));
        Assert.All(whole, e => Assert.Equal(1, e.Version));
        // The next harvest, from the moment the first began, gives what was written since.
        var next = HarvestAll(new HarvestQuery(moment.AddHours(1)) { From = moment, Limit = 2 });
        Assert.Equal([(given, 2), (notYet, 2), (added.Id, 1)], next.Select(e => (e.Id, e.Version)));
    }

    [Fact]
    public void A_harvest_keeps_within_its_bounds_set_and_hidden_documents()
    {
        RecordFirstVersions();
        var all = new HarvestQuery(Noon.AddHours(1)) { Limit = 100 };
        Assert.Equal(TestDocuments.All.Skip(2).Take(3).Select(d => d.Id),
            _catalog.Harvest(all with { From = Noon.AddSeconds(2), Until = Noon.AddSeconds(4) }).Select(e => e.Id));
        Assert.Equal(TestDocuments.All.Take(3).Select(d => d.Id), _catalog.Harvest(all with { AsOf = Noon.AddSeconds(2) }).Select(e => e.Id));

        var lenin = TestDocuments.All.Where(d => d.Authors.Any(a => a.Name == "V. I. Lenin")).Select(d => d.Id).ToList();
        var byLenin = _catalog.Harvest(all with { Set = new HarvestSet(HarvestSet.Author, ["v. i. lenin"]) });
        Assert.Equal(lenin, byLenin.Select(e => e.Id));
        Assert.Equal(lenin.Count - 1, _catalog.HarvestCount(all with { Set = new HarvestSet(HarvestSet.Author, ["v. i. lenin"]), Hidden = new HashSet<string>([lenin[0]]) }));
        var letters = _catalog.Harvest(all with { CorrespondenceOnly = true }).Select(e => e.Id).ToList();
        Assert.Equal(TestDocuments.All.Where(d => d.Authors.Count > 0 && d.Addressees.Count > 0 && d.Kind != DocumentKind.Compilation).Select(d => d.Id), letters);
        Assert.True(letters.Count < TestDocuments.All.Count);
    }

    [Fact]
    public void The_set_values_are_those_of_documents_not_hidden()
    {
        var values = _catalog.SetValues(null);
        Assert.Contains(new SetValue(HarvestSet.Author, "v. i. lenin", "V. I. Lenin"), values);
        Assert.Contains(new SetValue(HarvestSet.Volume, "Lenin Collected Works" + HarvestSet.VolumeSeparator + "45", "45"), values);
        Assert.Contains(new SetValue(HarvestSet.Kind, "letter", "letter"), values);
        var trotsky = TestDocuments.All.Where(d => d.Authors.Any(a => a.Name == "L. D. Trotsky")).Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(trotsky);
        Assert.DoesNotContain(_catalog.SetValues(trotsky), v => v.Label == "L. D. Trotsky");
    }

    [Fact]
    public void Versions_outlive_an_upsert_and_go_with_a_clear()
    {
        _catalog.RecordVersions(Letter, [new CatalogVersion(1, Noon, "open"), new CatalogVersion(2, Noon.AddDays(1), "withdrawn:a forgery")]);
        _catalog.Upsert(TestDocuments.All.Single(d => d.Id == Letter), 2);
        Assert.Equal([new CatalogVersion(1, Noon, "open"), new CatalogVersion(2, Noon.AddDays(1), "withdrawn:a forgery")], _catalog.Versions(Letter));
        _catalog.Clear();
        Assert.Empty(_catalog.Versions(Letter));
    }
}
