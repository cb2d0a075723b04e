using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.State;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Rollouts;

/// <summary>The Rollouts panel: the argoproj.io Rollouts the app's last sync recorded, read live through <see cref="IRolloutReads"/>.</summary>
public sealed class RolloutPanelQuery(IStateReads reads, IRolloutReads rollouts)
{
    public async Task<RolloutPanel> GetAsync(AppDetail detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var names = detail.Resources
            .Where(resource => resource is { Group: "argoproj.io", Kind: "Rollout" })
            .Select(resource => new RolloutName(resource.Namespace, resource.Name))
            .Distinct()
            .ToList();
        if (names.Count == 0)
        {
            return new RolloutPanel([]);
        }

        var manifest = (await reads.GetAppAsync(detail.Summary.Name, cancellationToken))?.Manifest;
        return new RolloutPanel(await rollouts.ReadAsync(manifest, names, cancellationToken));
    }
}
