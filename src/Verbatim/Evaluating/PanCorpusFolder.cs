using System.Text;
using Verbatim.Parsing;
using Verbatim.Text.Evaluation;

namespace Verbatim.Evaluating;

/// <summary>What reading a PAN corpus folder gave: every pair that could be read, and why the others could not.</summary>
public sealed record PanCorpusReading(PanCorpus Corpus, IReadOnlyList<PanProblem> Problems);

/// <summary>
/// A PAN text-alignment corpus on disk, laid out as PAN 2013–2015 give it: <c>susp/</c> and
/// <c>src/</c> hold the texts, <c>pairs</c> names one pair a line ("suspicious-documentXXXXX.txt
/// source-documentYYYYY.txt"), and each pair's truth is <c>suspicious-documentXXXXX-source-documentYYYYY.xml</c>,
/// in the corpus folder or in one folder below it (PAN puts one per obfuscation). Texts are read as
/// UTF-8 and kept exactly, line endings included, because the truth's offsets count their characters.
/// </summary>
public static class PanCorpusFolder
{
    public const string PairsFile = "pairs";
    public const string SuspiciousFolder = "susp";
    public const string SourceFolder = "src";

    /// <summary>
    /// Every pair of the pairs file with its texts and truth. A pairs line naming a missing file,
    /// a missing truth file or a malformed one is a problem naming the file and line, and that
    /// pair is left out; the other pairs are read.
    /// </summary>
    public static PanCorpusReading Read(string directory)
    {
        var pairsPath = Path.Combine(directory, PairsFile);
        if (!File.Exists(pairsPath))
            throw new FileNotFoundException($"{pairsPath}: no pairs file; a PAN corpus folder holds susp/, src/ and pairs", pairsPath);
        var truthFiles = TruthFiles(directory);
        var problems = new List<PanProblem>();
        var pairs = new List<PanPair>();
        var texts = new Dictionary<string, PanText>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(pairsPath);
        for (var n = 0; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0)
                continue;
            var problem = (string message) => problems.Add(new PanProblem(pairsPath, n + 1, message));
            var names = lines[n].Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length != 2)
            {
                problem($"expected two file names, found {names.Length}: '{lines[n].Trim()}'");
                continue;
            }
            var (suspicious, source) = (names[0], names[1]);
            var missing = new[] { (Folder: SuspiciousFolder, Name: suspicious), (Folder: SourceFolder, Name: source) }
                .Where(f => !Load(directory, f.Folder, f.Name, texts))
                .Select(f => Path.Combine(directory, f.Folder, f.Name))
                .ToList();
            if (missing.Count > 0)
            {
                problem($"no file {string.Join(" and no file ", missing)}");
                continue;
            }
            var truthName = PanXml.FileName(suspicious, source);
            if (!truthFiles.TryGetValue(truthName, out var truth))
            {
                problem($"no truth file {truthName} in {directory} or a folder below it");
                continue;
            }
            var (cases, malformed) = PanXml.Read(truth.Path, File.ReadAllText(truth.Path), suspicious, source);
            if (malformed is not null)
            {
                problems.Add(malformed);
                continue;
            }
            pairs.Add(new PanPair(suspicious, source, truth.Folder, cases));
        }
        var corpus = new PanCorpus(
            [.. texts.Where(t => t.Key.StartsWith(SuspiciousFolder + "/", StringComparison.Ordinal)).Select(t => t.Value)],
            [.. texts.Where(t => t.Key.StartsWith(SourceFolder + "/", StringComparison.Ordinal)).Select(t => t.Value)],
            pairs);
        return new PanCorpusReading(corpus, problems);
    }

    /// <summary>Writes the corpus: both text folders, the pairs file, and each pair's truth in its folder. UTF-8 without a byte order mark.</summary>
    public static void Write(PanCorpus corpus, string directory)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var utf8 = new UTF8Encoding(false);
        foreach (var (folder, texts) in new[] { (SuspiciousFolder, corpus.Suspicious), (SourceFolder, corpus.Sources) })
        {
            Directory.CreateDirectory(Path.Combine(directory, folder));
            foreach (var text in texts)
                File.WriteAllText(Path.Combine(directory, folder, text.Name), text.Text, utf8);
        }
        File.WriteAllLines(Path.Combine(directory, PairsFile), corpus.Pairs.Select(p => $"{p.Suspicious} {p.Source}"), utf8);
        foreach (var pair in corpus.Pairs)
        {
            var folder = Path.Combine(directory, pair.Folder);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, PanXml.FileName(pair.Suspicious, pair.Source)), PanXml.Write(pair.Suspicious, pair.Cases), utf8);
        }
    }

    /// <summary>Detections as PAN's detectors hand them in: one file a pair, named as its truth, all in one folder.</summary>
    public static void WriteDetections(PanCorpus corpus, IEnumerable<PanAnnotation> detections, string directory)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        Directory.CreateDirectory(directory);
        var byPair = detections.ToLookup(d => (d.SuspiciousDocument, d.SourceDocument));
        foreach (var pair in corpus.Pairs)
        {
            var xml = PanXml.Write(pair.Suspicious, byPair[(pair.Suspicious, pair.Source)], PanXml.DetectedPlagiarism);
            File.WriteAllText(Path.Combine(directory, PanXml.FileName(pair.Suspicious, pair.Source)), xml, new UTF8Encoding(false));
        }
    }

    /// <summary>The body texts of every document the paths yield (files, folders, globs, any format a reader knows), in path order.</summary>
    public static IReadOnlyList<string> BodyTexts(IEnumerable<string> paths, out IReadOnlyList<string> errors)
    {
        var failed = new List<string>();
        var texts = new List<string>();
        foreach (var file in new FileParser().Parse(paths))
        {
            failed.AddRange(file.Result.Errors.Select(e => e.ToString()));
            texts.AddRange(file.Result.Documents.Select(d => d.BodyText).Where(t => t.Length > 0));
        }
        errors = failed;
        return texts;
    }

    /// <summary>Truth files by name: the corpus folder's own, then those one folder below (the folder is the obfuscation's).</summary>
    private static Dictionary<string, (string Path, string Folder)> TruthFiles(string directory)
    {
        var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.xml").Order(StringComparer.Ordinal))
            found.TryAdd(Path.GetFileName(file), (file, ""));
        foreach (var folder in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
                found.TryAdd(Path.GetFileName(file), (file, Path.GetFileName(folder)));
        }
        return found;
    }

    private static bool Load(string directory, string folder, string name, Dictionary<string, PanText> texts)
    {
        var key = folder + "/" + name;
        if (texts.ContainsKey(key))
            return true;
        var path = Path.Combine(directory, folder, name);
        if (!File.Exists(path))
            return false;
        texts[key] = new PanText(name, File.ReadAllText(path));
        return true;
    }
}
