using System.CommandLine;
using Verbatim.Archiving;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim watch DIR`: ingests each file that arrives in a folder once it is complete (see <see cref="Inbox"/>).</summary>
public static class WatchVerb
{
    public static Option<double> Settle() => new("--settle")
    {
        Description = "Seconds a file must stay the same, once seen and closed by every writer, before it is read (default 1).",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 1,
        Validators = { r => { if (r.GetValueOrDefault<double>() is < 0 or > 3600) r.AddError("--settle must be between 0 and 3600 seconds"); } },
    };

    public static Command Create(Option<string?> archive)
    {
        var folder = new Argument<string>("DIR") { Description = "The inbox folder: files put there are ingested, then moved to DIR/done/ or, with their error beside them, to DIR/failed/." };
        var settle = Settle();
        var once = new Option<bool>("--once") { Description = "Ingest what is in the folder, wait for what is still being written, and stop (for scripts and cron)." };
        var message = new Option<string>("--message", "-m") { Description = "The message recorded with every new version.", DefaultValueFactory = _ => "ingest from the inbox" };
        var command = new Command("watch", "Ingest each file that appears in a folder once it is complete (written and closed), and move it to done/ or failed/. Runs until stopped (Ctrl-C), or with --once until the folder is empty.")
        {
            folder, settle, once, message, BackgroundPriority.Option(),
        };
        // Ctrl-C and SIGTERM cancel the token: the round under way finishes, the next one is not begun.
        command.SetAction((result, cancellationToken) => Task.FromResult(ArchiveOptions.Run(result, (output, error) =>
        {
            var inbox = new Inbox(Options(result, archive, result.GetValue(folder)!, result.GetValue(settle), result.GetValue(message)!));
            if (result.GetValue(once))
                return RunOnce(inbox, output);
            output.WriteLine($"Watching {inbox.Folder} for files to ingest into {ArchiveOptions.PathOf(result, archive)}; Ctrl-C stops.");
            output.Flush();
            inbox.RunAsync(round => Report(round, output), Failure(error), cancellationToken)
                .GetAwaiter().GetResult();
            return 0;
        })));
        return command;
    }

    /// <summary>The inbox's options as every surface gives them: a batch waits for another writer for half a minute.</summary>
    public static InboxOptions Options(ParseResult result, Option<string?> archive, string folder, double settleSeconds, string message)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new InboxOptions(folder, ArchiveOptions.PathOf(result, archive), new IngestOptions(Formats.FormatRegistry.Auto, message, ArchiveOptions.CurrentUser()))
        {
            Settle = TimeSpan.FromSeconds(settleSeconds),
        };
    }

    private static int RunOnce(Inbox inbox, TextWriter output)
    {
        var failed = 0;
        var moved = 0;
        while (true)
        {
            var round = inbox.Look();
            Report(round, output);
            failed += round.Outcomes.Count(o => o.Error is not null);
            moved += round.Outcomes.Count;
            if (round.Waiting == 0)
                break;
            Thread.Sleep(TimeSpan.FromMilliseconds(200));
        }
        output.WriteLine($"{Wording.Counted(moved, "file")} taken from the inbox, {failed} failed.");
        return failed > 0 ? 1 : 0;
    }

    /// <summary>What a round that could not be done says: its files stay and are tried again.</summary>
    internal static Action<Exception> Failure(TextWriter error) =>
        exception => error.WriteLine($"error: {exception.Message} (the files stay in the inbox and are tried again)");

    internal static void Report(InboxRound round, TextWriter output)
    {
        foreach (var outcome in round.Outcomes)
        {
            var name = Path.GetFileName(outcome.Path);
            output.WriteLine(outcome.Error is { } error
                ? $"failed: {error} (moved to {outcome.MovedTo})"
                : $"stored: {name} as {string.Join(", ", outcome.Documents)} (moved to {outcome.MovedTo})");
        }
        output.Flush();
    }
}
