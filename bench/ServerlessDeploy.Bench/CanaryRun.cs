using System.Diagnostics;
using System.Globalization;
using k8s;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.Kubernetes.Connection;

namespace ServerlessDeploy.Bench;

/// <summary>
/// One canary as the AWS deployer drives it, against a fresh local API server whose simulated controllers take the
/// given delay: the Rollout deployed first (straight to 100 %, not measured), then a new image, driven one
/// invocation at a time — each one <see cref="RolloutDriver.DriveAsync"/> with the policy's stop — until Healthy. A
/// wake-up comes at its time; the indefinite pause is promoted at once.
/// </summary>
internal static class CanaryRun
{
    // A canary that needs more is a bug in the driver, not a long rollout.
    private const int MaxInvocations = 100;

    public static async Task<IReadOnlyList<Invocation>> RunAsync(string sdeploy, string folder, TimeSpan controllerDelay, DrivePolicy policy, CancellationToken cancellationToken)
    {
        await using var server = await LocalServer.StartAsync(sdeploy, folder, 0, controllerDelay);
        using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigObject(KubeconfigFile.Load(server.Kubeconfig)));
        var app = new CanaryApp(new KubernetesCluster(client));
        await app.InstallAsync(cancellationToken);
        await app.ApplyRolloutAsync("example/web:1", cancellationToken);
        var first = await new RolloutDriver(new KubernetesCluster(client), TimeProvider.System)
            .DriveAsync(CanaryApp.Namespace, CanaryApp.Name, RolloutDriveLimits.Until(null), cancellationToken);
        if (first.End != RolloutDriveEnd.Healthy)
        {
            throw new InvalidOperationException($"the first deploy ended {first.End}, not Healthy: {first.Message}");
        }

        await app.ApplyRolloutAsync("example/web:2", cancellationToken);

        var clock = new SkippingClock();
        var invocations = new List<Invocation>();
        for (var trigger = "sync of the new image"; invocations.Count < MaxInvocations;)
        {
            await server.ResetCountersAsync();
            var skippedBefore = clock.Skipped;
            var started = Stopwatch.GetTimestamp();
            // A new cluster client per invocation, as the deployer connects: discovery is fresh each time.
            var result = await new RolloutDriver(new KubernetesCluster(client), clock)
                .DriveAsync(CanaryApp.Namespace, CanaryApp.Name, RolloutDriveLimits.Until(clock.GetUtcNow() + policy.Budget), cancellationToken);
            var wall = Stopwatch.GetElapsedTime(started);
            invocations.Add(new Invocation(trigger, result, wall, clock.Skipped - skippedBefore, await server.CountsAsync()));
            switch (result)
            {
                case { End: RolloutDriveEnd.Healthy }:
                    return invocations;
                case { End: RolloutDriveEnd.Paused }:
                    await app.PromoteAsync(cancellationToken);
                    trigger = "promotion";
                    break;
                case { End: RolloutDriveEnd.Waiting, WakeAt: { } wakeAt }:
                    trigger = string.Create(CultureInfo.InvariantCulture, $"wake-up {(wakeAt - clock.GetUtcNow()).TotalSeconds:0.0} s later");
                    await PassAsync(clock, wakeAt, controllerDelay, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"invocation {invocations.Count} ended {result.End}: {result.Message}");
            }
        }

        throw new InvalidOperationException($"the canary was not Healthy after {MaxInvocations} invocations");
    }

    /// <summary>
    /// The time until a wake-up: its first part, up to the controller delay, on the wall (the server's simulated
    /// controllers run on the wall clock and do meanwhile all they would), the rest skipped on the clock.
    /// </summary>
    private static async Task PassAsync(SkippingClock clock, DateTimeOffset wakeAt, TimeSpan controllerDelay, CancellationToken cancellationToken)
    {
        var wait = wakeAt - clock.GetUtcNow();
        var onTheWall = wait < controllerDelay ? wait : controllerDelay;
        if (onTheWall > TimeSpan.Zero)
        {
            await Task.Delay(onTheWall, cancellationToken);
        }

        clock.SkipTo(wakeAt);
    }
}
