namespace ServerlessDeploy.Core.Cluster;

/// <summary>
/// How a manifest is written: server-side apply (the default) or replace, dry run or not, forcing conflicts as Argo CD
/// does. <paramref name="Validate"/> false sends fieldValidation=Ignore instead of Strict (Argo CD's Validate=false).
/// </summary>
public sealed record ApplyOptions(bool DryRun = false, bool Force = true, string FieldManager = ApplyOptions.Manager, bool Validate = true)
{
    public const string Manager = "serverless-deploy";
}
