using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Resources;

namespace ServerlessDeploy.Dashboard.Tree;

/// <summary>A node the state knows of (the app, or one of its resources) with the health the state recorded for it.</summary>
public sealed record TreeRoot(ResourceKey Key, HealthLook? Health);
