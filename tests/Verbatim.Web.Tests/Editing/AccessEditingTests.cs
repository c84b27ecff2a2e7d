using System.Net;
using System.Text.Json;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Storing;
using Verbatim.Web.Tests.Accounts;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Editing;

/// <summary>An editor changes a document's access in the browser, over a reader that only reads, as `serve` runs it.</summary>
public sealed class AccessEditingTests : ServedArchiveTests
{
    private const string Letter = "lenin-1921-10-20-to-stalin";

    private static async Task<HttpResponseMessage> Change(CookieBrowser browser, string rule, string reason, int basedOn)
        => await browser.Send(HttpMethod.Post, $"/documents/{Letter}/access",
            [await browser.FormToken("/account"), new("rule", rule), new("reason", reason), new("basedOn", basedOn.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    private async Task<JsonElement> History() => JsonDocument.Parse(await Served.Client.GetStringAsync($"/api/documents/{Letter}/history")).RootElement;

    [Fact]
    public async Task An_editor_closes_a_letter_in_the_browser_as_a_new_version_by_them_with_the_reason()
    {
        var editor = await SignedIn("editor-a");
        Assert.Contains("Change the access", await (await editor.Send(HttpMethod.Get, $"/documents/{Letter}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var history = await History();

        var changed = await Change(editor, "restricted:family", "strictly secret, personal", basedOn: 1);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var archive = Served.Open();
        var head = archive.History(Letter)[^1];
        Assert.Equal((2, "editor-a", "strictly secret, personal"), (head.Number, head.User.Name, head.Message));
        Assert.Equal(DocumentAccess.RestrictedTo(["family"]), archive.AccessOf(Letter));
        Assert.Equal(1, history.GetArrayLength());
        // The public no longer reads the letter, its group does.
        Assert.Equal(HttpStatusCode.NotFound, (await Served.Client.GetAsync($"/documents/{Letter}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedIn("historian")).Send(HttpMethod.Get, $"/documents/{Letter}")).StatusCode);
        Assert.Contains(archive.Log.Entries(), e => e is { Action: "access", Who: "editor-a", From: "127.0.0.1" } && e.Document == Letter);
    }

    [Fact]
    public async Task The_page_an_editor_is_sent_to_after_a_change_shows_it_and_the_public_finds_nothing_there_at_once()
    {
        var editor = await SignedIn("editor-a");
        Assert.Contains("<p>open</p>", await (await editor.Send(HttpMethod.Get, $"/documents/{Letter}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await Change(editor, "restricted:family", "strictly secret, personal", basedOn: 1);

        var page = await (await editor.Send(HttpMethod.Get, changed.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("<p>restricted to family</p>", page, StringComparison.Ordinal);
        Assert.Contains("editor-a: strictly secret, personal", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Served.Client.GetAsync($"/documents/{Letter}")).StatusCode);
    }

    [Fact]
    public async Task A_change_made_on_a_version_someone_else_changed_meanwhile_is_refused_with_the_other_change_shown()
    {
        var editor = await SignedIn("editor-a");
        using (var other = Served.Open(writable: true))
            other.SetAccess(Letter, DocumentAccess.EmbargoedUntil(new DateOnly(2031, 1, 1)), "closed until the edition appears", new StoreUser("editor-b", "mailto:b@example.org"));

        var refused = await Change(editor, "open", "published in full", basedOn: 1);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("version 2 by editor-b", page, StringComparison.Ordinal);
        Assert.Contains("closed until the edition appears", page, StringComparison.Ordinal);
        Assert.Contains("access “open” → “embargoed:2031-01-01”", page, StringComparison.Ordinal);
        using var archive = Served.Open();
        Assert.Equal(2, archive.History(Letter).Count);
    }

    [Fact]
    public async Task A_researcher_or_the_public_finds_nothing_at_the_address_and_a_change_without_a_reason_is_refused()
    {
        var historian = await SignedIn("historian");
        Assert.DoesNotContain("Change the access", await (await historian.Send(HttpMethod.Get, $"/documents/{Letter}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Change(historian, "withdrawn:gone", "why not", basedOn: 1)).StatusCode);

        var editor = await SignedIn("editor-a");
        Assert.Equal(HttpStatusCode.BadRequest, (await Change(editor, "withdrawn:gone", " ", basedOn: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Change(editor, "secret", "because", basedOn: 1)).StatusCode);
        using var archive = Served.Open();
        Assert.Single(archive.History(Letter));
    }
}
