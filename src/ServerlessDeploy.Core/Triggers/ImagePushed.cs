using System.Text.Json.Serialization;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>An image tag pushed successfully to an ECR repository.</summary>
public sealed record ImagePushed(
    string Account,
    string Region,
    string Repository,
    string Tag,
    string Digest,
    DateTimeOffset Time) : Trigger
{
    /// <summary>The image name without tag: <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com/&lt;repository&gt;</c>.</summary>
    [JsonIgnore]
    public string Image => $"{Account}.dkr.ecr.{Region}.amazonaws.com/{Repository}";
}
