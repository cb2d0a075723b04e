namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The commit and image overrides a request comes to, or why nothing is deployed.</summary>
internal sealed record DeployTarget(string Revision, IReadOnlyList<string> ImageOverrides, string? Refusal = null)
{
    public static DeployTarget Refused(string why) => new("", [], why);
}
