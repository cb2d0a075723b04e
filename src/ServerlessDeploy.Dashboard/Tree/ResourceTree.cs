namespace ServerlessDeploy.Dashboard.Tree;

/// <summary>An app's resource tree, its first node the app itself; <see cref="Unreachable"/> says why only the state's resources are in it.</summary>
public sealed record ResourceTree(IReadOnlyList<TreeNode> Nodes, string? Unreachable)
{
    public int Columns => Nodes.Count == 0 ? 0 : Nodes.Max(n => n.Depth) + 1;

    public int Rows => Nodes.Count == 0 ? 0 : Nodes.Max(n => n.Row) + 1;
}
