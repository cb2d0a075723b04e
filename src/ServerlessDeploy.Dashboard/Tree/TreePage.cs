using ServerlessDeploy.Dashboard.Resources;

namespace ServerlessDeploy.Dashboard.Tree;

/// <summary>The tree page: the app's tree and the geometry that draws it as SVG (a column per depth, a row per place).</summary>
public sealed record TreePage(string App, ResourceTree Tree)
{
    public const int ColumnWidth = 260;
    public const int RowHeight = 52;
    public const int NodeWidth = 230;
    public const int NodeHeight = 40;
    private const int Margin = 10;

    public int Width => (2 * Margin) + (Tree.Columns * ColumnWidth);

    public int Height => (2 * Margin) + (Tree.Rows * RowHeight);

    public static int X(TreeNode node) => Margin + (node.Depth * ColumnWidth);

    public static int Y(TreeNode node) => Margin + (node.Row * RowHeight);

    public string Link(TreeNode node) => node.Depth == 0 ? ResourceLinks.App(App) : ResourceLinks.Page(App, node.Key);

    /// <summary>A name cut to fit its box; the full name is in the node's title and the list beside.</summary>
    public static string Fit(string text) => text.Length <= 26 ? text : string.Concat(text.AsSpan(0, 25), "…");
}
