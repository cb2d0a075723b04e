using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Sends a verb's patches to one Rollout as the Argo Rollouts kubectl plugin sends them, once the Rollout is found and
/// readable as one we can drive; a refusal sends nothing. Driving the Rollout afterwards is <see cref="RolloutDriver"/>'s.
/// </summary>
public sealed class RolloutActor(IClusterClient cluster, TimeProvider time)
{
    /// <summary>A person's patches, told apart from the driver's writes (serverless-deploy-rollouts) and the sync's (serverless-deploy).</summary>
    public const string FieldManager = "sdeploy-rollouts-cli";

    /// <param name="restartIn">For restart: how long from now the pods are to be restarted (the plugin's --in); zero for now.</param>
    public async Task<RolloutActionResult> ActAsync(string ns, string name, RolloutVerb verb, TimeSpan restartIn, CancellationToken cancellationToken)
    {
        var (types, problem) = await RolloutTypes.FindAsync(cluster, cancellationToken);
        if (types is null)
        {
            return RolloutActionResult.Refused(problem ?? "");
        }

        var read = await cluster.GetAsync(types.Rollout, ns, name, cancellationToken);
        if (!read.Succeeded || read.Body is not { } rollout)
        {
            return RolloutActionResult.Refused(read.NotFound ? $"Rollout {ns}/{name} does not exist" : $"reading Rollout {ns}/{name} failed: {read}");
        }

        var spec = RolloutSpecReader.Read(rollout);
        if (!spec.IsValid)
        {
            return RolloutActionResult.Refused($"Rollout {ns}/{name} cannot be driven: {spec.Error}");
        }

        return await SendAsync(types.Rollout, ns, name, RolloutActions.Plan(verb, rollout, time.GetUtcNow() + restartIn), cancellationToken);
    }

    private async Task<RolloutActionResult> SendAsync(ClusterResourceType type, string ns, string name, RolloutActionPlan patches, CancellationToken cancellationToken)
    {
        var sent = ImmutableArray.CreateBuilder<RolloutPatchSent>();
        var spec = patches.Spec;
        if (patches.Status is { } status)
        {
            var patched = await cluster.MergePatchAsync(type, ns, name, status, FieldManager, "status", cancellationToken);
            if (patched.NotFound)
            {
                // The plugin's fallback for a CRD without the status subresource: one patch of spec and status to the object.
                spec = patches.Unified;
            }
            else if (!patched.Succeeded)
            {
                return new RolloutActionResult(RolloutActionOutcome.Failed, [], $"patching the status of Rollout {ns}/{name} failed: {patched}");
            }
            else
            {
                sent.Add(new RolloutPatchSent(true, status.ToJsonString()));
            }
        }

        if (spec is not null)
        {
            var patched = await cluster.MergePatchAsync(type, ns, name, spec, FieldManager, null, cancellationToken);
            if (!patched.Succeeded)
            {
                return new RolloutActionResult(RolloutActionOutcome.Failed, sent.ToImmutable(), $"patching Rollout {ns}/{name} failed: {patched}");
            }

            sent.Add(new RolloutPatchSent(false, spec.ToJsonString()));
        }

        return new RolloutActionResult(RolloutActionOutcome.Applied, sent.ToImmutable(), "");
    }
}
