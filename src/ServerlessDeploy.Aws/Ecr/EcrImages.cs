using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Aws.Ecr;

/// <summary>
/// ECR DescribeImages over <see cref="AwsJsonClient"/> (stands in for AWSSDK.ECR): every tagged image of a repository,
/// one catalog entry per tag. The image name gives the registry (account) and repository:
/// <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com/&lt;repository&gt;</c>.
/// </summary>
public sealed class EcrImages(AwsJsonClient client) : IImageRegistry
{
    private const string DescribeImagesTarget = "AmazonEC2ContainerRegistry_V20150921.DescribeImages";

    public async Task<IReadOnlyList<CatalogImage>> TagsAsync(string image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (registry, repository) = Parse(image);
        var images = new List<CatalogImage>();
        string? next = null;
        do
        {
            var request = new JsonObject
            {
                ["registryId"] = registry,
                ["repositoryName"] = repository,
                ["filter"] = new JsonObject { ["tagStatus"] = "TAGGED" },
                ["maxResults"] = 1000,
            };
            if (next is not null)
            {
                request["nextToken"] = next;
            }

            var answer = await client.CallAsync(DescribeImagesTarget, request, cancellationToken);
            foreach (var detail in answer["imageDetails"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var digest = detail["imageDigest"]?.GetValue<string>() ?? "";
                var pushedAt = PushedAt(detail["imagePushedAt"]);
                images.AddRange((detail["imageTags"]?.AsArray() ?? []).OfType<JsonValue>().Select(t => new CatalogImage(image, t.GetValue<string>(), digest, pushedAt)));
            }

            next = answer["nextToken"]?.GetValue<string>();
        }
        while (next is not null);

        return images;
    }

    /// <summary>An ECR image name: its registry id (the account) and repository; anything else is not an ECR image.</summary>
    public static (string Registry, string Repository) Parse(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? "" : image[..slash];
        var parts = host.Split('.');
        return parts.Length >= 6 && parts[1] == "dkr" && parts[2] == "ecr" && parts[0].Length == 12 && parts[0].All(char.IsAsciiDigit)
            ? (parts[0], image[(slash + 1)..])
            : throw new ArgumentException($"'{image}' is not an ECR image name (<account>.dkr.ecr.<region>.amazonaws.com/<repository>)", nameof(image));
    }

    /// <summary>The JSON protocol sends timestamps as epoch seconds (with a fraction).</summary>
    private static DateTimeOffset PushedAt(JsonNode? value) =>
        value is null ? DateTimeOffset.UnixEpoch
            : DateTimeOffset.UnixEpoch.AddSeconds(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture));
}
