namespace ServerlessDeploy.Core.Cluster;

/// <summary>How a manifest is written: server-side apply (the default) or replace, dry run or not, forcing conflicts as Argo CD does.</summary>
public sealed record ApplyOptions(bool DryRun = false, bool Force = true, string FieldManager = ApplyOptions.Manager)
{
    public const string Manager = "serverless-deploy";
}
