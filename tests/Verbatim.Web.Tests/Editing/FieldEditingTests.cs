using System.Net;
using System.Text.Json;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Model;
using Verbatim.Storing;
using Verbatim.Web.Tests.Accounts;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Editing;

/// <summary>An editor corrects a document's fields in the browser, over a reader that only reads, as `serve` runs it.</summary>
public sealed class FieldEditingTests : ServedArchiveTests
{
    private const string Letter = "lenin-1921-10-20-to-stalin";

    /// <summary>What the page's form sends: every field as the letter reads at version 1, with the given ones changed.</summary>
    private async Task<HttpResponseMessage> Save(CookieBrowser browser, int basedOn, string reason, bool withToken = true, params (string Field, string Text)[] changed)
    {
        Document original;
        using (var archive = Served.Open())
            original = archive.Show(Letter, 1)!;
        var form = DocumentFields.All.Select(f => new KeyValuePair<string, string>(DocumentFields.Name(f), DocumentFields.Text(original, f)))
            .Where(f => !changed.Any(c => c.Field == f.Key))
            .Concat(changed.Select(c => new KeyValuePair<string, string>(c.Field, c.Text)))
            .Append(new("reason", reason))
            .Append(new("basedOn", basedOn.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        if (withToken)
            form.Add(await browser.FormToken("/sign-in"));
        return await browser.Send(HttpMethod.Post, $"/documents/{Letter}/fields", form);
    }

    [Fact]
    public async Task An_editor_corrects_the_date_as_a_new_version_by_them_whose_diff_and_page_show_the_change_and_why()
    {
        var editor = await SignedIn("editor-a");
        var page = await (await editor.Send(HttpMethod.Get, $"/documents/{Letter}")).Content.ReadAsStringAsync();
        Assert.Contains("Correct the record", page, StringComparison.Ordinal);
        Assert.Contains("value=\"1921-10-20\"", page, StringComparison.Ordinal);

        var saved = await Save(editor, basedOn: 1, "the register dates it a day later", changed: ("date", "1921-10-21"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var archive = Served.Open();
        var head = archive.History(Letter)[^1];
        Assert.Equal((2, "editor-a", "the register dates it a day later"), (head.Number, head.User.Name, head.Message));
        var correction = Assert.Single(archive.Show(Letter)!.Corrections);
        Assert.Equal((CorrectableField.Date, "1921-10-20", "1921-10-21"), (correction.Field, correction.Was, correction.Value));
        // The page the editor is sent to shows the correction at once: the reader caught up with its own write.
        var api = JsonDocument.Parse(await Served.Client.GetStringAsync($"/api/documents/{Letter}")).RootElement;
        Assert.Equal("1921-10-21", api.GetProperty("written").GetProperty("date").GetString());
        var diff = await Served.Client.GetStringAsync($"/documents/{Letter}/diff?from=1&to=2");
        Assert.Contains("\"date\": \"1921-10-21\"", WebUtility.HtmlDecode(diff), StringComparison.Ordinal);
        var corrected = WebUtility.HtmlDecode(await Served.Client.GetStringAsync($"/documents/{Letter}"));
        Assert.Contains("Corrected by editors", corrected, StringComparison.Ordinal);
        Assert.Contains("by editor-a in", corrected, StringComparison.Ordinal);
        Assert.Contains("the register dates it a day later", corrected, StringComparison.Ordinal);
        Assert.Contains(archive.Log.Entries(), e => e is { Action: "correct", Who: "editor-a", From: "127.0.0.1" } && e.Document == Letter);
    }

    [Fact]
    public async Task A_save_on_a_version_someone_saved_over_meanwhile_is_refused_with_their_change_shown_and_the_entries_kept()
    {
        var editor = await SignedIn("editor-a");
        using (var other = Served.Open(writable: true))
            other.Correct(Letter, new Dictionary<CorrectableField, string> { [CorrectableField.Place] = "Gorki" }, "dictated at Gorki", new StoreUser("editor-b", "mailto:b@example.org"));

        var refused = await Save(editor, basedOn: 1, "the register dates it a day later", changed: ("date", "1921-10-21"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("by editor-b", page, StringComparison.Ordinal);
        Assert.Contains("dictated at Gorki", page, StringComparison.Ordinal);
        Assert.Contains("→ “Gorki”", page, StringComparison.Ordinal);
        Assert.Contains("value=\"1921-10-21\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"basedOn\" value=\"2\"", page, StringComparison.Ordinal);
        using (var archive = Served.Open())
            Assert.Equal(2, archive.History(Letter).Count);

        // Saved again once seen, on the version now at the head, with the other editor's place kept.
        Assert.Equal(HttpStatusCode.Redirect, (await Save(editor, basedOn: 2, "the register dates it a day later", changed: [("date", "1921-10-21"), ("place", "Gorki")])).StatusCode);
        using (var archive = Served.Open())
            Assert.Equal(("1921-10-21", "Gorki"), (archive.Show(Letter)!.Written!.Date, archive.Show(Letter)!.Written!.Place));
    }

    [Fact]
    public async Task Others_find_nothing_at_the_address_and_a_save_without_token_reason_or_a_date_is_refused_writing_nothing()
    {
        var historian = await SignedIn("historian");
        Assert.DoesNotContain("Correct the record", await (await historian.Send(HttpMethod.Get, $"/documents/{Letter}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Save(historian, basedOn: 1, "why not", changed: ("date", "1921"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Save(new CookieBrowser(Address), basedOn: 1, "why not", changed: ("date", "1921"))).StatusCode);

        var editor = await SignedIn("editor-a");
        Assert.Equal(HttpStatusCode.BadRequest, (await Save(editor, basedOn: 1, "why", withToken: false, changed: ("date", "1921"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Save(editor, basedOn: 1, " ", changed: ("date", "1921"))).StatusCode);
        var notADate = await Save(editor, basedOn: 1, "why", changed: ("date", "autumn 1921"));
        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
        Assert.Contains("“autumn 1921” is not a date", WebUtility.HtmlDecode(await notADate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var archive = Served.Open();
        Assert.Single(archive.History(Letter));
    }
}
