namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>One select box of the list's filter form: the values the fleet holds for the parameter, and the one chosen.</summary>
/// <param name="Chosen">Empty when the filter is not used; shown even when no app holds it, so the form says what the URL asks.</param>
public sealed record AppListChoice(string Label, string Parameter, IReadOnlyList<string> Values, string Chosen);
