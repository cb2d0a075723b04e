using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Resources;

namespace ServerlessDeploy.Dashboard.Tree;

/// <summary>
/// One node of an app's resource tree, placed: its column is its depth (the app 0, its resources 1, what they own
/// deeper) and its row its place in order. <paramref name="Parent"/> is the index of its parent node (null for the app).
/// </summary>
public sealed record TreeNode(ResourceKey Key, HealthLook? Health, int Depth, int Row, int? Parent, bool FromState);
