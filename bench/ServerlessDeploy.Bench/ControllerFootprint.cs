namespace ServerlessDeploy.Bench;

/// <summary>
/// The Argo Rollouts controller's always-on footprint, by its documented resource requests: the official
/// install.yaml sets none (only an ephemeral-storage limit), so these are the requests argo-helm's
/// charts/argo-rollouts/values.yaml suggests for the controller. Its cost is the share of an m7g.large node those
/// requests take, by the scarcer of CPU and memory, since a scheduler packs by both.
/// </summary>
internal static class ControllerFootprint
{
    public const int CpuMillicores = 50;
    public const int MemoryMiB = 64;
    public const int NodeMillicores = 2000;
    public const int NodeMemoryMiB = 8192;

    public static decimal NodeShare => Math.Max((decimal)CpuMillicores / NodeMillicores, (decimal)MemoryMiB / NodeMemoryMiB);

    public static decimal NodeMonthlyUsd => AwsPrices.M7gLargePerHour * AwsPrices.HoursPerMonth;

    public static decimal MonthlyUsd => NodeShare * NodeMonthlyUsd;
}
