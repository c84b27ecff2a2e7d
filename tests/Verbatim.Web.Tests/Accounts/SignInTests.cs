using System.Net;
using System.Text.RegularExpressions;
using Verbatim.Access;
using Verbatim.Accounts;
using Verbatim.Archiving;
using Verbatim.Cli.Tests;
using Verbatim.Storing;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Accounts;

/// <summary>Signing in, out and by token through HTTP, as a browser and a script do it.</summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private const string Password = "a long enough passphrase";
    private const string Restricted = "lenin-1921-10-20-to-stalin";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-sign-in-{Guid.NewGuid():N}");
    private Archive? _archive;
    private HostedReader? _reader;
    private string _adminToken = "";

    private HttpClient Client => _reader!.Client;

    public async Task InitializeAsync()
    {
        _archive = Archive.Init(_folder);
        var options = new IngestOptions("auto", "test", new StoreUser("Tester", "mailto:tester@example.org"));
        _archive.Ingest([Path.Combine(CliRun.RepositoryRoot, "samples", "mia")], options);
        _archive.SetAccess(Restricted, DocumentAccess.RestrictedTo(["family"]), "personal", options.User);
        using (var book = AccountBook.Open(_archive.Layout))
        {
            book.AddGroup("family");
            book.AddUser("historian", Role.Researcher, Password, ["family"]);
            book.AddUser("keeper", Role.Admin, Password);
            _adminToken = book.CreateToken("keeper", "reads the log").Secret;
        }
        _reader = await HostedReader.Start(_archive);
    }

    public async Task DisposeAsync()
    {
        if (_reader is not null)
            await _reader.DisposeAsync();
        _archive?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_researcher_signs_in_with_a_strict_session_cookie_and_reads_what_their_group_is_granted()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);

        var signIn = await browser.SignIn("historian", Password, $"/documents/{Restricted}");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal($"/documents/{Restricted}", signIn.Headers.Location!.OriginalString);
        var session = browser.SetCookies.Single(c => c.StartsWith("verbatim-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("secure", session, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", session, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);
        Assert.Contains("Signed in as historian", await (await browser.Send(HttpMethod.Get, "/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused_and_signs_no_one_in()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);

        var forged = await browser.Send(HttpMethod.Post, "/sign-in", [new("name", "historian"), new("password", Password), new("returnUrl", "/")]);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(browser.SetCookies, c => c.StartsWith("verbatim-session=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Send(HttpMethod.Post, "/sign-out", [])).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_page_says_until_when()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);
        for (var i = 0; i < AccountBook.FailuresBeforeLockout - 1; i++)
            Assert.Contains("The name or the password is wrong", await (await browser.SignIn("historian", "not the password")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await browser.SignIn("historian", "not the password");

        var locked = await browser.SignIn("historian", Password);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked after repeated failed sign-ins", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);
    }

    [Fact]
    public async Task A_token_made_on_the_account_page_reads_as_its_account_until_revoked_there()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);
        await browser.SignIn("historian", Password);
        var made = await (await browser.Send(HttpMethod.Post, "/account/tokens", [await browser.FormToken("/account"), new("label", "my harvest script")])).Content.ReadAsStringAsync();
        var secret = Regex.Match(made, "<code>(vbt_[^<]+)</code>").Groups[1].Value;
        var id = secret.Split('_')[1];

        using var script = new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{Restricted}");
        script.Headers.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(script)).StatusCode);
        Assert.DoesNotContain(secret, await (await browser.Send(HttpMethod.Get, "/account")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await browser.Send(HttpMethod.Post, $"/account/tokens/{id}/revoke", [await browser.FormToken("/account")]);

        using var after = new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{Restricted}");
        after.Headers.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.SendAsync(after)).StatusCode);
    }

    [Fact]
    public async Task A_return_address_elsewhere_is_never_followed()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);
        var signIn = await browser.SignIn("historian", Password, "//elsewhere.example/phish");
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_in_the_browser()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);
        await browser.SignIn("historian", Password);

        await browser.Send(HttpMethod.Post, "/sign-out", [await browser.FormToken("/account")]);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);
        Assert.Contains("Sign in", await (await browser.Send(HttpMethod.Get, "/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_reads_as_the_public_after_it()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);
        await browser.SignIn("historian", Password);
        var copied = browser.Copy();
        Assert.Equal(HttpStatusCode.OK, (await copied.Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);

        await browser.Send(HttpMethod.Post, "/sign-out", [await browser.FormToken("/account")]);

        Assert.Equal(HttpStatusCode.NotFound, (await copied.Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);
        Assert.Contains("Sign in", await (await copied.Send(HttpMethod.Get, "/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_disable_ends_the_accounts_sessions_and_enabling_it_again_revives_none()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);
        await browser.SignIn("historian", Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);

        Assert.Equal(0, CliRun.Of("users", "disable", "historian", "--archive", _folder).ExitCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);
        Assert.Equal(0, CliRun.Of("users", "enable", "historian", "--archive", _folder).ExitCode);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);
        Assert.Contains("Sign in", await (await browser.Send(HttpMethod.Get, "/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_password_ends_every_session_of_the_account()
    {
        var (first, second) = (new CookieBrowser(Client.BaseAddress!), new CookieBrowser(Client.BaseAddress!));
        await first.SignIn("historian", Password);
        await second.SignIn("historian", Password);
        var passwordFile = Path.Combine(_folder, "new-password");
        await File.WriteAllTextAsync(passwordFile, "another long passphrase\n");

        Assert.Equal(0, CliRun.Of("users", "password", "historian", "--password-file", passwordFile, "--archive", _folder).ExitCode);

        foreach (var browser in new[] { first, second })
            Assert.Equal(HttpStatusCode.NotFound, (await browser.Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);
    }

    [Fact]
    public async Task A_session_outlives_a_restart_of_the_reader_since_it_is_kept_in_the_archives_accounts()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);
        await browser.SignIn("historian", Password);

        await _reader!.DisposeAsync();
        _reader = null;
        _reader = await HostedReader.Start(_archive!);

        Assert.Equal(HttpStatusCode.OK, (await browser.Copy(Client.BaseAddress).Send(HttpMethod.Get, $"/documents/{Restricted}")).StatusCode);
    }

    [Fact]
    public async Task The_log_page_of_a_long_log_shows_the_newest_first_and_pages_back_to_the_first()
    {
        _archive!.Log.AppendAll([.. Enumerable.Range(1, 3000).Select(i => new LogRecord("read", "historian", "127.0.0.1", Restricted, $"read {i}"))]);
        var total = (int)_archive.Log.Count();
        var pages = (total + 199) / 200;

        async Task<(List<int> Numbers, string Page)> Read(int page)
        {
            using var asAdmin = new HttpRequestMessage(HttpMethod.Get, $"/log?page={page}");
            asAdmin.Headers.Authorization = new("Bearer", _adminToken);
            var html = await (await Client.SendAsync(asAdmin)).Content.ReadAsStringAsync();
            return ([.. LogRow().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))], html);
        }

        var (first, firstPage) = await Read(1);
        Assert.Equal(Enumerable.Range(total - 199, 200).Reverse(), first);
        Assert.Contains($"{total} entries; the chain of digests holds", firstPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/log?page=2\"", firstPage, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(total - 399, 200).Reverse(), (await Read(2)).Numbers);
        var (last, lastPage) = await Read(pages);
        Assert.Equal(Enumerable.Range(1, total - (pages - 1) * 200).Reverse(), last);
        Assert.DoesNotContain("Older entries", lastPage, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr>\\s*<td>([0-9]+)</td>")]
    private static partial Regex LogRow();

    [Fact]
    public async Task Sign_ins_past_the_limit_of_an_address_are_answered_429_with_when_to_try_again()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);
        var limit = new Verbatim.Web.Hosting.ReaderOptions().SignInsPerMinute;
        for (var i = 0; i < limit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await browser.SignIn($"nobody-{i}", "wrong")).StatusCode);

        var refused = await browser.SignIn("historian", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.DoesNotContain(browser.SetCookies, c => c.StartsWith("verbatim-session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quotation_checks_past_the_limit_of_an_address_are_answered_429()
    {
        var limit = new Verbatim.Web.Hosting.ReaderOptions().QuoteChecksPerMinute;
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= limit; i++)
            answers.Add((await Client.GetAsync("/api/check-quote?q=too+short")).StatusCode);
        Assert.All(answers.Take(limit), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task The_log_shows_an_admin_who_signed_in_and_read_the_restricted_letter_and_is_nothing_to_anyone_else()
    {
        var browser = new CookieBrowser(Client.BaseAddress!);
        await browser.SignIn("historian", "not the password");
        await browser.SignIn("historian", Password);
        await browser.Send(HttpMethod.Get, $"/documents/{Restricted}");

        using var asAdmin = new HttpRequestMessage(HttpMethod.Get, "/log");
        asAdmin.Headers.Authorization = new("Bearer", _adminToken);
        var page = await (await Client.SendAsync(asAdmin)).Content.ReadAsStringAsync();

        Assert.Contains("the chain of digests holds", page, StringComparison.Ordinal);
        Assert.Matches("<td>historian</td>\\s*<td>127\\.0\\.0\\.1</td>\\s*<td>read</td>", page);
        Assert.Contains("<td>sign-in-refused</td>", page, StringComparison.Ordinal);
        Assert.Contains(Restricted, page, StringComparison.Ordinal);
        var nothing = await browser.Send(HttpMethod.Get, "/no-such-address");
        var refused = await browser.Send(HttpMethod.Get, "/log");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(await nothing.Content.ReadAsStringAsync(), await refused.Content.ReadAsStringAsync());
    }
}
