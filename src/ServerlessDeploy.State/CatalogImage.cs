namespace ServerlessDeploy.State;

/// <summary>
/// One tag of an image as the registry reported it (an ECR push, or ECR DescribeImages when seeding): the image
/// updater compares a new push against every known tag, not only the deployed one.
/// </summary>
/// <param name="Image">The image name without tag: <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com/&lt;repository&gt;</c>.</param>
public sealed record CatalogImage(string Image, string Tag, string Digest, DateTimeOffset PushedAt);
