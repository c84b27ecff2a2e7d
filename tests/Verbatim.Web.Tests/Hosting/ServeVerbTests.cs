using Verbatim.Cli.Tests;

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

    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    public void Serve_refuses_a_port_out_of_range(string port)
    {
        var run = CliRun.Of("serve", "--port", port);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--port must be between 0 and 65535", run.Error);
    }
}
