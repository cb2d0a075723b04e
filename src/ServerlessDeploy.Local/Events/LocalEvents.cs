using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Local.Events;

/// <summary>
/// Events as EventBridge delivers them to the intake queue, for a local repository: a CodeCommit reference change and
/// the Scheduler's reconcile tick and an ECR image push. Same shapes as the samples in events/.
/// </summary>
public static class LocalEvents
{
    public static string CodeCommitPush(string repositoryName, string branch, string? oldCommit, string newCommit, DateTimeOffset time)
    {
        var detail = new JsonObject
        {
            ["callerUserArn"] = "arn:aws:iam::123456789012:user/demo",
            ["commitId"] = newCommit,
            ["event"] = oldCommit is null ? "referenceCreated" : "referenceUpdated",
            ["referenceFullName"] = "refs/heads/" + branch,
            ["referenceName"] = branch,
            ["referenceType"] = "branch",
            ["repositoryId"] = "12345678-1234-5678-abcd-12345678abcd",
            ["repositoryName"] = repositoryName,
        };
        if (oldCommit is not null)
        {
            detail["oldCommitId"] = oldCommit;
        }

        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "CodeCommit Repository State Change",
            ["source"] = "aws.codecommit",
            ["account"] = "123456789012",
            ["time"] = Time(time),
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray($"arn:aws:codecommit:us-east-1:123456789012:{repositoryName}"),
            ["detail"] = detail,
        }.ToJsonString();
    }

    /// <summary>A successful ECR push of <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com/&lt;repository&gt;:&lt;tag&gt;</c> (EventBridge "ECR Image Action").</summary>
    public static string EcrPush(string account, string region, string repository, string tag, string digest, DateTimeOffset time) =>
        new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "ECR Image Action",
            ["source"] = "aws.ecr",
            ["account"] = account,
            ["time"] = Time(time),
            ["region"] = region,
            ["resources"] = new JsonArray(),
            ["detail"] = new JsonObject
            {
                ["result"] = "SUCCESS",
                ["repository-name"] = repository,
                ["image-digest"] = digest,
                ["action-type"] = "PUSH",
                ["image-tag"] = tag,
            },
        }.ToJsonString();

    public static string ReconcileTick(DateTimeOffset time) =>
        new JsonObject { ["serverless-deploy"] = "reconcile", ["time"] = Time(time) }.ToJsonString();

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
