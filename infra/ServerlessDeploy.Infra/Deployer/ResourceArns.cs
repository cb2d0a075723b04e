using Amazon.CDK;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>ARNs of the resources the settings name, in the stack's partition, region and account.</summary>
public static class ResourceArns
{
    public static string Parameter(Stack stack, string name) =>
        Format(stack, "ssm", "parameter", name.TrimStart('/'));

    public static string EcrRepository(Stack stack, string name) => Format(stack, "ecr", "repository", name);

    public static string EventBus(Stack stack, string name) => Format(stack, "events", "event-bus", name);

    public static string CodeCommitRepository(Stack stack, string name) => Format(stack, "codecommit", name, null);

    public static string EksCluster(Stack stack, ClusterSettings cluster)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(cluster);
        return stack.FormatArn(new ArnComponents
        {
            Service = "eks",
            Region = cluster.Region ?? stack.Region,
            Resource = "cluster",
            ResourceName = cluster.Name,
            ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
        });
    }

    private static string Format(Stack stack, string service, string resource, string? name)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return stack.FormatArn(new ArnComponents
        {
            Service = service,
            Resource = resource,
            ResourceName = name,
            ArnFormat = name is null ? ArnFormat.NO_RESOURCE_NAME : ArnFormat.SLASH_RESOURCE_NAME,
        });
    }
}
