namespace Verbatim.Storage.Catalog;

/// <summary>
/// The result index of one catalog file at its latest generation, shared by the read-only
/// connections opened with it: after a writer's commit the first of them to search builds it,
/// and the others take it, instead of each reading every document again.
/// </summary>
/// <remarks>
/// A generation names one committed state of the catalog (every committed batch moves it), so an
/// index built in a snapshot of that generation is right for every snapshot of it. A caller
/// that arrives while another builds the same generation waits for that build rather than
/// making a second one beside it.
/// </remarks>
public sealed class SharedResultIndex
{
    private readonly Lock _building = new();
    private long _generation;
    private ResultIndex? _index;
    private long _builds;
    private long _extended;

    /// <summary>How many indexes were built in all; one per generation searched, whatever the number of connections.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>How many of those builds kept the rows of the generation before and read only what had changed.</summary>
    public long Extended => Interlocked.Read(ref _extended);

    /// <summary>
    /// The index of the generation, built by <paramref name="build"/> where no connection has built
    /// it yet; the build is given the latest index built, if any, to keep what has not changed.
    /// </summary>
    internal ResultIndex At(long generation, Func<ResultIndex?, (ResultIndex Index, bool Extended)> build)
    {
        lock (_building)
        {
            if (_index is not null && _generation == generation)
                return _index;
            Interlocked.Increment(ref _builds);
            var (index, extended) = build(_index);
            if (extended)
                Interlocked.Increment(ref _extended);
            // An older snapshot's index is its own: it never replaces a later generation's.
            if (_index is null || generation >= _generation)
                (_generation, _index) = (generation, index);
            return index;
        }
    }
}
