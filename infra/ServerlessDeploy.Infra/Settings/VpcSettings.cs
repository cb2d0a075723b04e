namespace ServerlessDeploy.Infra.Settings;

/// <summary>
/// Runs the functions in existing subnets with existing security groups (for clusters with a private endpoint).
/// With <see cref="CreateEndpoints"/>, interface endpoints (SQS, STS, SSM, EventBridge) go in those subnets and
/// gateway endpoints (DynamoDB, S3) on <see cref="RouteTableIds"/>; Git hosting outside AWS still needs a NAT.
/// </summary>
public sealed record VpcSettings(
    string VpcId,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> SecurityGroupIds,
    bool CreateEndpoints,
    IReadOnlyList<string> RouteTableIds)
{
    internal static VpcSettings? Read(ContextReader context)
    {
        var vpcId = context.OptionalString(InfraSettings.VpcIdKey);
        var subnets = Ids(context, InfraSettings.SubnetIdsKey, "subnet");
        var groups = Ids(context, InfraSettings.SecurityGroupIdsKey, "sg");
        var routeTables = Ids(context, InfraSettings.RouteTableIdsKey, "rtb");
        var endpoints = context.Bool(InfraSettings.VpcEndpointsKey, false);
        if (vpcId is null)
        {
            return subnets.Count + groups.Count + routeTables.Count == 0 && !endpoints
                ? null
                : throw new InfraSettingsException(
                    $"CDK context '{InfraSettings.VpcIdKey}' is missing: '{InfraSettings.SubnetIdsKey}', '{InfraSettings.SecurityGroupIdsKey}', '{InfraSettings.RouteTableIdsKey}' and '{InfraSettings.VpcEndpointsKey}' need the VPC they belong to.");
        }
        if (!vpcId.StartsWith("vpc-", StringComparison.Ordinal) || !SettingPatterns.Ec2Id().IsMatch(vpcId))
        {
            throw ContextReader.Invalid(InfraSettings.VpcIdKey, vpcId, "a VPC id (vpc-…)");
        }
        if (subnets.Count == 0 || groups.Count == 0)
        {
            var key = subnets.Count == 0 ? InfraSettings.SubnetIdsKey : InfraSettings.SecurityGroupIdsKey;
            throw new InfraSettingsException($"CDK context '{key}' is missing: functions in VPC '{InfraSettings.VpcIdKey}' need subnets and security groups.");
        }
        if (endpoints && routeTables.Count == 0)
        {
            throw new InfraSettingsException($"CDK context '{InfraSettings.RouteTableIdsKey}' is missing: the DynamoDB and S3 gateway endpoints attach to route tables.");
        }
        return new VpcSettings(vpcId, subnets, groups, endpoints, routeTables);
    }

    private static IReadOnlyList<string> Ids(ContextReader context, string key, string prefix)
    {
        var ids = context.List(key);
        var bad = ids.FirstOrDefault(id => !id.StartsWith(prefix + "-", StringComparison.Ordinal) || !SettingPatterns.Ec2Id().IsMatch(id));
        return bad is null ? ids : throw ContextReader.Invalid(key, bad, $"ids of the form {prefix}-…");
    }
}
