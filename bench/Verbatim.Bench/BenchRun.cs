using System.Globalization;

namespace Verbatim.Bench;

/// <summary>
/// The frame every whole-corpus benchmark shares: its options (whole numbers with defaults, words
/// chosen from a few, a work folder, --keep), the peers' setup, and a work folder that is new or empty and is deleted
/// at the end unless kept.
/// </summary>
public sealed class BenchRun
{
    private readonly Dictionary<string, int> _numbers;
    private readonly Dictionary<string, string> _chosen;

    private BenchRun(Dictionary<string, int> numbers, Dictionary<string, string> chosen, string? work, bool keep)
        => (_numbers, _chosen, Work, Keep) = (numbers, chosen, work, keep);

    public int this[string option] => _numbers[option];

    /// <summary>The value given for an option that takes one of a few words, or its default.</summary>
    public string Choice(string option) => _chosen[option];

    public string? Work { get; }

    public bool Keep { get; }

    /// <param name="name">The benchmark's verb, which also names its default work folder.</param>
    /// <param name="numbers">Each option the benchmark takes (a positive whole number) with its default.</param>
    /// <param name="choices">Each option that takes one of a few words, with those words; the first is the default.</param>
    /// <param name="body">Runs the benchmark in the work folder, given the repository's root; returns the exit code.</param>
    public static int Execute(string name, string[] args, IReadOnlyDictionary<string, int> numbers, Func<BenchRun, string, string, int> body)
        => Execute(name, args, numbers, new Dictionary<string, string[]>(), body);

    /// <inheritdoc cref="Execute(string, string[], IReadOnlyDictionary{string, int}, Func{BenchRun, string, string, int})"/>
    public static int Execute(string name, string[] args, IReadOnlyDictionary<string, int> numbers, IReadOnlyDictionary<string, string[]> choices, Func<BenchRun, string, string, int> body)
    {
        BenchRun run;
        try
        {
            run = Parse(args, numbers, choices);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine($"usage: {name} {string.Join(' ', numbers.Select(n => $"[{n.Key} {n.Value}]").Concat(choices.Select(c => $"[{c.Key} {string.Join('|', c.Value)}]")))} [--work DIR] [--keep]");
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

    private static BenchRun Parse(string[] args, IReadOnlyDictionary<string, int> defaults, IReadOnlyDictionary<string, string[]> choices)
    {
        var numbers = new Dictionary<string, int>(defaults, StringComparer.Ordinal);
        var chosen = choices.ToDictionary(c => c.Key, c => c.Value[0], StringComparer.Ordinal);
        string? work = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            if (args[i] == "--work")
                work = Value();
            else if (args[i] == "--keep")
                keep = true;
            else if (choices.TryGetValue(args[i], out var words))
                chosen[args[i]] = Value() is var word && words.Contains(word, StringComparer.Ordinal) ? word : throw new ArgumentException($"{args[i - 1]} is one of {string.Join(", ", words)}");
            else if (numbers.ContainsKey(args[i]))
                numbers[args[i]] = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
            else
                throw new ArgumentException($"unknown option {args[i]}");
        }
        return new BenchRun(numbers, chosen, work, keep);
    }
}
