using System.Text.RegularExpressions;

namespace Verbatim.Web.Tests.Accounts;

/// <summary>A browser's cookies, kept by hand: HttpClient sends no Secure cookie over plain HTTP, which a browser does to 127.0.0.1.</summary>
internal sealed partial class CookieBrowser(Uri address)
{
    // Redirects are looked at, not followed: the test sees each response as a browser receives it.
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };

    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public List<string> SetCookies { get; } = [];

    /// <summary>Another browser holding the cookies this one holds now, as one who copied them would (to the same reader, or to another address of it).</summary>
    public CookieBrowser Copy(Uri? address = null)
    {
        var copy = new CookieBrowser(address ?? _client.BaseAddress!);
        foreach (var (name, value) in _cookies)
            copy._cookies[name] = value;
        return copy;
    }

    public Task<HttpResponseMessage> Send(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? form = null)
        => Send(method, path, form is null ? null : new FormUrlEncodedContent(form));

    /// <summary>Sends any body: a multipart upload, or one built byte by byte.</summary>
    public async Task<HttpResponseMessage> Send(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (_cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _client.SendAsync(request);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            SetCookies.Add(cookie);
            var pair = cookie.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0)
                _cookies.Remove(pair[0]);
            else
                _cookies[pair[0]] = pair[1];
        }
        return response;
    }

    /// <summary>The form's hidden antiforgery token on the page at the path.</summary>
    public async Task<KeyValuePair<string, string>> FormToken(string path)
    {
        var page = await (await Send(HttpMethod.Get, path)).Content.ReadAsStringAsync();
        return new("__RequestVerificationToken", TokenField().Match(page).Groups[1].Value);
    }

    public async Task<HttpResponseMessage> SignIn(string name, string password, string returnUrl = "/")
        => await Send(HttpMethod.Post, "/sign-in", [await FormToken("/sign-in"), new("name", name), new("password", password), new("returnUrl", returnUrl)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

