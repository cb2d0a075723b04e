namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>Replace the characters [Start, End) with <see cref="Replacement"/>; an insertion has Start == End.</summary>
internal sealed record TextEdit(int Start, int End, string Replacement)
{
    /// <summary>Applies non-overlapping edits, last first, so earlier offsets stay valid.</summary>
    public static string ApplyAll(string text, IEnumerable<TextEdit> edits) =>
        edits.OrderByDescending(e => e.Start).Aggregate(text, (current, e) => string.Concat(current.AsSpan(0, e.Start), e.Replacement, current.AsSpan(e.End)));
}
