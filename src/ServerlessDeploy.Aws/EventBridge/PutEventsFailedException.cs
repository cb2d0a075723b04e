namespace ServerlessDeploy.Aws.EventBridge;

/// <summary>PutEvents answered 200 but refused some entries (FailedEntryCount &gt; 0); names each refused entry's error.</summary>
internal sealed class PutEventsFailedException(IReadOnlyList<FailedEventEntry> failed)
    : Exception($"EventBridge PutEvents refused {failed.Count} event(s): " +
        string.Join("; ", failed.Select(f => $"entry {f.Index} ({f.DetailType}): {f.ErrorCode}: {f.ErrorMessage}")))
{
    public IReadOnlyList<FailedEventEntry> Failed { get; } = failed;
}
