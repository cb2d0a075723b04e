using System.Text.Json.Nodes;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>Questions about a history, by kind and name.</summary>
internal static class ChangeQueries
{
    /// <summary>The revision at which the object was first created.</summary>
    public static long Created(this IReadOnlyList<Change> history, string kind, string name) =>
        history.FirstOrDefault(c => c.Kind == kind && c.Name == name && c.Type == "ADDED")?.Revision
        ?? throw new Xunit.Sdk.XunitException($"{kind}/{name} was never created; history:\n{string.Join('\n', history)}");

    /// <summary>The first revision at which the object satisfied <paramref name="condition"/>.</summary>
    public static long FirstWhen(this IReadOnlyList<Change> history, string kind, string name, Func<JsonObject, bool> condition, string what) =>
        history.FirstOrDefault(c => c.Kind == kind && c.Name == name && c.Type != "DELETED" && condition(c.Object))?.Revision
        ?? throw new Xunit.Sdk.XunitException($"{kind}/{name} never became {what}; history:\n{string.Join('\n', history)}");

    /// <summary>The revision at which deleting the object began (deletionTimestamp set) or it was gone.</summary>
    public static long DeletionStarted(this IReadOnlyList<Change> history, string kind, string name) =>
        history.FirstOrDefault(c => c.Kind == kind && c.Name == name && (c.Type == "DELETED" || c.Object["metadata"]?["deletionTimestamp"] is not null))?.Revision
        ?? throw new Xunit.Sdk.XunitException($"{kind}/{name} was never deleted; history:\n{string.Join('\n', history)}");

    /// <summary>Kind/name of every object created, in the order the server created them.</summary>
    public static IReadOnlyList<string> CreationOrder(this IReadOnlyList<Change> history) =>
        [.. history.Where(c => c.Type == "ADDED").Select(c => $"{c.Kind}/{c.Name}")];
}
