using System.Text;
using Verbatim.Access;
using Verbatim.Model;
using Verbatim.Storing;

namespace Verbatim.Archiving;

/// <summary>Editors' corrections of a document's fields: each save a new version of its object, holding the same source.</summary>
public sealed partial class Archive
{
    /// <summary>
    /// Corrects fields of the document: a new version holding the same source and access and the
    /// document with each field reading as given and a <see cref="Correction"/> recorded for each
    /// field that changed, by <paramref name="editor"/>, with <paramref name="reason"/> as its message.
    /// Fields given as they already read change nothing; where none changes, nothing is written.
    /// </summary>
    /// <param name="from">Where the change comes from, for the log.</param>
    /// <param name="basedOn">The version the editor saw; where the head is another (someone saved in between), nothing is written.</param>
    /// <exception cref="ArchiveException">No such document, no reason, a field's text that is not a value of it (all refused together), or a damaged document.</exception>
    /// <exception cref="EditConflictException">The head is not <paramref name="basedOn"/>.</exception>
    public StoreWriteResult Correct(string id, IReadOnlyDictionary<CorrectableField, string> fields, string reason, StoreUser editor, string from = "command line", int? basedOn = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(editor);
        var stored = HeadToEdit(id, reason, "a correction", basedOn);
        var document = DocumentJson.Deserialize(Encoding.UTF8.GetString(stored.DocumentJson.Span))!;
        var corrected = document;
        var corrections = new List<Correction>();
        var errors = new List<string>();
        foreach (var field in DocumentFields.All.Where(fields.ContainsKey))
        {
            var was = DocumentFields.Text(corrected, field);
            if (DocumentFields.Normalise(fields[field]) == was)
                continue;
            var (applied, error) = DocumentFields.Apply(corrected, field, fields[field]);
            if (applied is null)
            {
                errors.Add($"{DocumentFields.Name(field)}: {error}");
                continue;
            }
            corrected = applied;
            corrections.Add(new Correction
            {
                Field = field,
                Was = was,
                Value = DocumentFields.Text(applied, field),
                Editor = editor.Name,
                Version = stored.Version.Number + 1,
                Reason = reason.Trim(),
            });
        }
        if (errors.Count > 0)
            throw new ArchiveException($"nothing was corrected in '{id}': {string.Join("; ", errors)}");
        if (corrections.Count == 0)
            return new StoreWriteResult(id, WriteStatus.Unchanged, stored.Version.Number);
        corrected = corrected with { Corrections = [.. document.Corrections, .. corrections] };
        var write = new DocumentWrite(id, DocumentJson.SerializeToUtf8(corrected), stored.SourceFileName, stored.Source, reason.Trim(), editor);
        return WriteEdit(corrected, stored, write, from, "correct");
    }

    /// <summary>
    /// A new reading of a stored document's source with the editors' corrections of the stored
    /// version made again, in their order: a re-ingest keeps what editors set right. A correction
    /// the new reading cannot take (a field's form changed) is kept on record and skipped.
    /// </summary>
    private static Document WithCorrections(Document reading, IReadOnlyList<Correction> corrections)
    {
        if (corrections.Count == 0)
            return reading;
        var corrected = reading;
        foreach (var correction in corrections)
            corrected = DocumentFields.Apply(corrected, correction.Field, correction.Value).Corrected ?? corrected;
        return corrected with { Corrections = corrections };
    }
}
