using Microsoft.AspNetCore.Http;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Actions;

/// <summary>
/// The sync dialog's form: revision, prune, dryRun, applyOnly, force (checkboxes, "true" when ticked), resources
/// (repeated <c>group/kind/namespace/name</c>, each one of the app's) and syncOptions (repeated, Argo CD's names).
/// An unknown sync option or a resource the app does not have is refused by name.
/// </summary>
internal static class SyncForm
{
    public const string Revision = "revision";
    public const string Prune = "prune";
    public const string DryRun = "dryRun";
    public const string ApplyOnly = "applyOnly";
    public const string Force = "force";
    public const string Resources = "resources";
    public const string SyncOptions = "syncOptions";

    /// <summary>The sync options the dialog offers as checkboxes, as Argo CD's does.</summary>
    public static IReadOnlyList<string> Offered { get; } =
        ["Validate=false", "CreateNamespace=true", "PruneLast=true", "ApplyOutOfSyncOnly=true", "RespectIgnoreDifferences=true", "Replace=true"];

    public static FormOutcome Read(AppDetail app, IFormCollection form, string requester)
    {
        var options = Values(form, SyncOptions);
        if (SyncOptionsOverride.Of(ApplicationSyncOptions.Default, options) is { IsValid: false } refused)
        {
            return FormOutcome.Bad(string.Join("; ", refused.Problems));
        }

        var resources = Values(form, Resources);
        var known = app.Resources.Select(r => ResourceKeyText.Of(new ResourceKey(r.Group, r.Kind, r.Namespace, r.Name))).ToHashSet(StringComparer.Ordinal);
        if (resources.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
        {
            return FormOutcome.Bad($"resources: \"{unknown}\" is not a resource of {app.Summary.Name}");
        }

        var revision = form[Revision].ToString().Trim();
        var choices = new SyncChoices(Flag(form, Prune), Flag(form, DryRun), Flag(form, ApplyOnly), Flag(form, Force), resources, options);
        return FormOutcome.Ready(new SyncRequested(app.Summary.Name, revision.Length == 0 ? null : revision, requester) { Choices = choices });
    }

    private static string[] Values(IFormCollection form, string name) =>
        [.. form[name].OfType<string>().Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    private static bool Flag(IFormCollection form, string name) =>
        form[name].Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "on", StringComparison.OrdinalIgnoreCase));
}
