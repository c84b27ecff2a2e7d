using System.Diagnostics;
using Verbatim.Cli;
using Verbatim.Cli.Tests;
using Verbatim.Cli.Verbs;

namespace Verbatim.Web.Tests.Hosting;

public sealed class ServeVerbTests
{
    [Fact]
    public void Serve_without_an_archive_says_so_and_serves_nothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"verbatim-none-{Guid.NewGuid():N}");
        var run = CliRun.Of("serve", "--archive", missing, "--port", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: no archive at {missing}", run.Error);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void Serve_on_a_port_in_use_says_so_in_one_line()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"verbatim-serve-{Guid.NewGuid():N}");
        Assert.Equal(0, CliRun.Of("init", "--archive", archive).ExitCode);
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            var run = CliRun.Of("serve", "--archive", archive, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"error: Failed to bind to address http://127.0.0.1:{port}: address already in use.", run.Error.TrimEnd());
        }
        finally
        {
            taken.Stop();
            Directory.Delete(archive, recursive: true);
        }
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    public void Serve_refuses_a_port_out_of_range(string port)
    {
        var run = CliRun.Of("serve", "--port", port);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--port must be between 0 and 65535", run.Error);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.20")]
    [InlineData("::")]
    public void Serving_beyond_the_loopback_interface_warns_that_the_archive_is_reachable_from_the_network(string address)
        => Assert.Contains("reachable from the network", ServeVerb.NetworkWarning(System.Net.IPAddress.Parse(address)));

    [Fact]
    public void Serving_beyond_the_loopback_interface_without_https_warns_that_passwords_cross_in_clear_and_with_it_does_not()
    {
        var everywhere = System.Net.IPAddress.Parse("0.0.0.0");
        Assert.Contains("without HTTPS", ServeVerb.NetworkWarning(everywhere), StringComparison.Ordinal);
        Assert.DoesNotContain("without HTTPS", ServeVerb.NetworkWarning(everywhere, https: true), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Serving_on_the_loopback_interface_warns_of_nothing(string address)
        => Assert.Null(ServeVerb.NetworkWarning(System.Net.IPAddress.Parse(address)));

    [Fact]
    public void Serve_refuses_a_listen_address_that_is_not_one()
    {
        var run = CliRun.Of("serve", "--listen", "example.org");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--listen takes an IP address", run.Error);
    }

    [Fact]
    public void Serve_refuses_a_public_url_that_is_not_an_absolute_web_address()
    {
        var run = CliRun.Of("serve", "--public-url", "letters.example.org");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--public-url takes an absolute http or https address", run.Error);
    }

    /// <summary>Runs the command (serve or demo) in a process of its own until it says where it serves, then the test; the process is stopped after.</summary>
    private static async Task WhileServing(string[] arguments, Func<Uri, string, Task> test)
    {
        using var server = await ServerProcess.StartAsync(arguments);
        await test(server.Address, server.Printed);
    }

    /// <summary>The search page for <paramref name="query"/>, asked again until it holds <paramref name="expected"/> or the time is up.</summary>
    private static async Task<string> SearchPageOnceItHolds(Uri address, string query, string expected, TimeSpan within)
    {
        using var browser = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        string page;
        do
        {
            page = await browser.GetStringAsync(new Uri($"/search?q={Uri.EscapeDataString(query)}", UriKind.Relative));
            if (page.Contains(expected, StringComparison.Ordinal))
                break;
            await Task.Delay(50);
        }
        while (clock.Elapsed < within);
        return page;
    }

    [Fact]
    public async Task A_running_server_takes_no_writer_lock_so_ingest_and_read_verbs_run_beside_it()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"verbatim-serve-{Guid.NewGuid():N}");
        Assert.Equal(0, CliRun.Of("init", "--archive", archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", "--archive", archive, CliRun.Seed("000")).ExitCode);
        try
        {
            await WhileServing(["serve", "--archive", archive, "--port", "0"], (_, _) =>
            {
                var ingest = CliRun.Of("ingest", "--archive", archive, CliRun.Seed("001"), "--wait", "0");
                Assert.True(ingest.ExitCode == 0, ingest.Error);
                Assert.Contains("Zalutsky", CliRun.Of("search", "Zalutsky", "--archive", archive).Output, StringComparison.Ordinal);
                return Task.CompletedTask;
            });
        }
        finally
        {
            Directory.Delete(archive, recursive: true);
        }
    }

    [Fact]
    public async Task While_the_demo_serves_an_ingest_from_a_second_terminal_shows_in_the_browser()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"verbatim-demo-{Guid.NewGuid():N}");
        var archive = Path.Combine(folder, "archive");
        var letter = Path.Combine(folder, "new", "letter.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(letter)!);
        File.WriteAllText(letter, "A letter from the second terminal\n\nQuillfeather wrote it while the demo served.\n");
        try
        {
            await WhileServing(["demo", "--samples", Path.Combine(CliRun.RepositoryRoot, "samples"), "--archive", archive, "--port", "0"], async (address, printed) =>
            {
                Assert.Contains($"./verbatim ingest FILE... --archive {archive}", printed, StringComparison.Ordinal);
                Assert.Contains("lenin-1921-10-20-to-stalin", CliRun.Of("search", "Stalin", "--archive", archive).Output, StringComparison.Ordinal);
                var ingest = CliRun.Of("ingest", letter, "--archive", archive, "--wait", "0");
                Assert.True(ingest.ExitCode == 0, ingest.Error);

                Assert.Contains("A letter from the second terminal", await SearchPageOnceItHolds(address, "Quillfeather", "A letter from the second terminal", TimeSpan.FromSeconds(2)), StringComparison.Ordinal);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_put_in_the_inbox_of_a_running_server_is_stored_moved_to_done_and_served()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"verbatim-serve-inbox-{Guid.NewGuid():N}");
        var archive = Path.Combine(folder, "archive");
        var inbox = Directory.CreateDirectory(Path.Combine(folder, "inbox")).FullName;
        Assert.Equal(0, CliRun.Of("init", "--archive", archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", "--archive", archive, CliRun.Seed("000")).ExitCode);
        try
        {
            await WhileServing(["serve", "--archive", archive, "--port", "0", "--inbox", inbox, "--settle", "0.2"], async (address, printed) =>
            {
                Assert.Contains($"Ingesting the files that arrive in {inbox}.", printed, StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(inbox, "arrived.txt"), "A letter put in the inbox\n\nGlimmerwick wrote it while the server ran.\n");

                Assert.Contains("A letter put in the inbox", await SearchPageOnceItHolds(address, "Glimmerwick", "A letter put in the inbox", TimeSpan.FromSeconds(20)), StringComparison.Ordinal);
                // The file is moved once its ingest has ended, which may be after the page shows it.
                var moved = Path.Combine(inbox, "done", "arrived.txt");
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (!File.Exists(moved) && clock.Elapsed < TimeSpan.FromSeconds(20))
                    await Task.Delay(50);
                Assert.True(File.Exists(moved), $"{moved} is not there 20 s after the page showed the letter");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
