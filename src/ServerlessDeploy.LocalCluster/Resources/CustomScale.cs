using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Resources;

/// <summary>A CRD version's subresources.scale: where in its objects the Scale's fields live.</summary>
/// <param name="StatusReplicas">Where status.replicas is read from; null when the path is not of the simple form (it reads as 0).</param>
/// <param name="LabelSelector">Where status.selector is read from; null when the CRD declares none.</param>
internal sealed record CustomScale(SimpleJsonPath SpecReplicas, SimpleJsonPath? StatusReplicas, SimpleJsonPath? LabelSelector);
