using Microsoft.AspNetCore.Http;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Storing;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Editing;

/// <summary>
/// An editor's write from the browser: made by a writer opened for that one write (the reader
/// itself only reads), as the editor's account, from the client's address, with what went wrong
/// told as a page would tell it.
/// </summary>
public static class EditorWrites
{
    /// <summary>How long a write waits for another process writing the archive (an ingest's batch).</summary>
    public static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(10);

    /// <summary>The account as the OCFL user of the versions it writes.</summary>
    public static StoreUser UserOf(Viewer viewer) => new(viewer.Name!, $"urn:verbatim:account:{viewer.Name}");

    /// <summary>Runs the write and has the reader catch up with it; null where it was made, else why not and the status to answer with.</summary>
    public static EditRefusal? Try(ReadingRoom room, Action<Archive> write)
    {
        try
        {
            using (var writer = Archive.Open(room.ArchiveRoot, WriterWait))
                write(writer);
            // The page the editor is sent to next must show the write, not the edition read before it.
            room.CatchUp();
            return null;
        }
        catch (EditConflictException conflict)
        {
            return new EditRefusal(conflict.Message, StatusCodes.Status409Conflict, conflict.Since);
        }
        catch (ArchiveBusyException busy)
        {
            return new EditRefusal(busy.Message, StatusCodes.Status503ServiceUnavailable, []);
        }
        catch (ArchiveException refused)
        {
            return new EditRefusal(refused.Message, StatusCodes.Status400BadRequest, []);
        }
    }
}

/// <summary>Why a write was not made, the status that says so, and, for a conflict, the versions saved meanwhile.</summary>
public sealed record EditRefusal(string Message, int Status, IReadOnlyList<VersionChanges> Since);
