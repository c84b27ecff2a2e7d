using System.Text;
using Verbatim.Formats.Common;
using Verbatim.Formats.MiaHtml;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Tests.MiaHtml;

/// <summary>Small pages in the archive's markup, read by the HTML reader itself so that an exception fails the test.</summary>
internal static class HtmlPages
{
    public const string Head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>V. I. Lenin: A letter</title>
        <link rel="stylesheet" type="text/css" href="../../../../css/works.css">
        </head>
        <body>

        """;

    public const string Information = """
        <p class="information">
        <span class="info">Written:</span> Written on May 30, 1921<br>
        <span class="info">Source:</span> Lenin Collected Works, Progress Publishers, 1976, Moscow, Volume&nbsp;45, page&nbsp;160b.
        </p>

        """;

    /// <summary>A page: the head, then <paramref name="body"/> as given, then the closing tags.</summary>
    public static string Page(string body) => Head + body + "\n</body>\n</html>\n";

    public static ReadResult Read(string html, string fileName = "page.html")
        => new MiaHtmlReader().Read(TextDecoding.Decode(fileName, Encoding.UTF8.GetBytes(html)));

    public static Document ReadDocument(string html, string fileName = "page.html")
    {
        var result = Read(html, fileName);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return Assert.Single(result.Documents);
    }
}
