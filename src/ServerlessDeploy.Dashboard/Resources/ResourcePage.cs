using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// One resource of an app: what the last sync recorded for it (null when it did not touch it), how it compares with Git
/// now (null without a recorded Application), its events, and whatever could not be read.
/// </summary>
public sealed record ResourcePage(string App, ResourceKey Key, ResourceView? Recorded, ResourceLook? Look, IReadOnlyList<ResourceEvent> Events, IReadOnlyList<string> Problems);
