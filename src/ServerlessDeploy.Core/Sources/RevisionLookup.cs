namespace ServerlessDeploy.Core.Sources;

/// <summary>A revision resolved, or why none is: no such branch, tag or commit (a value, not a failure of the source).</summary>
public sealed record RevisionLookup(SourceRevision? Revision, string Problem)
{
    public static RevisionLookup Found(SourceRevision revision) => new(revision, "");

    public static RevisionLookup NotFound(string problem) => new(null, problem);
}
