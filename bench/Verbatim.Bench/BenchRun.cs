using System.Globalization;

namespace Verbatim.Bench;

/// <summary>
/// The frame every whole-corpus benchmark shares: its options (whole numbers with defaults, a
/// work folder, --keep), the peers' setup, and a work folder that is new or empty and is deleted
/// at the end unless kept.
/// </summary>
public sealed class BenchRun
{
    private readonly Dictionary<string, int> _numbers;

    private BenchRun(Dictionary<string, int> numbers, string? work, bool keep) => (_numbers, Work, Keep) = (numbers, work, keep);

    public int this[string option] => _numbers[option];

    public string? Work { get; }

    public bool Keep { get; }

    /// <param name="name">The benchmark's verb, which also names its default work folder.</param>
    /// <param name="numbers">Each option the benchmark takes (a positive whole number) with its default.</param>
    /// <param name="body">Runs the benchmark in the work folder, given the repository's root; returns the exit code.</param>
    public static int Execute(string name, string[] args, IReadOnlyDictionary<string, int> numbers, Func<BenchRun, string, string, int> body)
    {
        BenchRun run;
        try
        {
            run = Parse(args, numbers);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine($"usage: {name} {string.Join(' ', numbers.Select(n => $"[{n.Key} {n.Value}]"))} [--work DIR] [--keep]");
            return 2;
        }

        var root = BenchPaths.RepositoryRoot();
        BenchMachine.RunSetup(root);
        var work = run.Work is { } named ? Path.GetFullPath(named)
            : Path.Combine(Path.GetTempPath(), $"verbatim-{name}-bench-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        if (Directory.Exists(work) && Directory.EnumerateFileSystemEntries(work).Any())
        {
            Console.Error.WriteLine($"{work} is not empty; name an empty or new folder with --work");
            return 2;
        }
        Directory.CreateDirectory(work);
        try
        {
            return body(run, root, work);
        }
        finally
        {
            if (!run.Keep)
                Directory.Delete(work, recursive: true);
            else
                Console.WriteLine($"kept {work}");
        }
    }

    private static BenchRun Parse(string[] args, IReadOnlyDictionary<string, int> defaults)
    {
        var numbers = new Dictionary<string, int>(defaults, StringComparer.Ordinal);
        string? work = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            if (args[i] == "--work")
                work = Value();
            else if (args[i] == "--keep")
                keep = true;
            else if (numbers.ContainsKey(args[i]))
                numbers[args[i]] = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
            else
                throw new ArgumentException($"unknown option {args[i]}");
        }
        return new BenchRun(numbers, work, keep);
    }
}
