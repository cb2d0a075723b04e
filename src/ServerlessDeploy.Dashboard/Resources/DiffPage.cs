namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>Every resource of an app compared (Git at a revision against the live cluster), each diff collapsible.</summary>
public sealed record DiffPage(string App, string Heading, AppComparison? Comparison, IReadOnlyList<string> Problems);
