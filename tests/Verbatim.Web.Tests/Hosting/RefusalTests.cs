using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>A request the reader cannot answer as asked gets a page or a problem that says what was wrong, never an empty body.</summary>
[Collection(ReaderCollection.Name)]
public sealed class RefusalTests(ReaderFixture reader)
{
    [Theory]
    [InlineData("/documents/" + ReaderFixture.RevisedId + "?version=abc", "version")]
    [InlineData("/search?q=x&year=abc", "year")]
    [InlineData("/search?q=x&page=abc", "page")]
    [InlineData("/search?q=x&page=0", "page")]
    [InlineData("/search?q=x&page=99999999999", "page")]
    [InlineData("/network?from=abc", "from")]
    [InlineData("/collate?w=a&w=b&ignoreCase=perhaps", "ignoreCase")]
    [InlineData("/testimonies?a=x&av=first&b=y", "av")]
    [InlineData("/testimonies?a=x&b=y&bv=0", "bv")]
    public async Task A_page_asked_with_a_value_its_parameter_cannot_take_is_a_400_page_naming_the_parameter(string path, string parameter)
    {
        var response = await reader.Client.GetAsync(path);
        var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("A query parameter cannot be read", html.QuerySelector("h1")!.TextContent);
        Assert.Contains($"“{parameter}”", html.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/search?q=x&page=abc", "page")]
    [InlineData("/api/search?q=x&offset=-1", "offset")]
    [InlineData("/api/documents/" + ReaderFixture.RevisedId + "?version=abc", "version")]
    [InlineData("/api/check-quote?q=x&limit=many", "limit")]
    [InlineData("/api/network?to=1920s", "to")]
    [InlineData("/api/testimonies?a=x&b=y&bv=two", "bv")]
    public async Task An_api_route_asked_with_a_value_its_parameter_cannot_take_is_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        var response = await reader.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains($"“{parameter}”", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem_that_says_so()
    {
        var response = await reader.Client.PostAsync("/api/check-quote", new StringContent("{\"text\": \"unclosed", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "/api/documents/" + ReaderFixture.RevisedId, "application/problem+json")]
    [InlineData("PUT", "/api/check-quote", "application/problem+json")]
    [InlineData("POST", "/search", "text/html")]
    [InlineData("DELETE", "/documents/" + ReaderFixture.RevisedId, "text/html")]
    public async Task A_known_address_asked_with_a_method_it_does_not_take_is_a_405_with_the_methods_it_takes(string method, string path, string mediaType)
    {
        var response = await reader.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.DoesNotContain(method, response.Content.Headers.Allow);
        Assert.Contains(method, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no/such/route")]
    [InlineData("/no/such/page")]
    public async Task An_unknown_address_is_a_404_whatever_the_method(string path)
    {
        var response = await reader.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/documents/" + ReaderFixture.RevisedId)]
    [InlineData("/api/documents")]
    [InlineData("/assets/verbatim.css")]
    public async Task Head_answers_as_get_does_without_a_body(string path)
    {
        var get = await reader.Client.GetAsync(path);
        var head = await reader.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
