using System.Text;
using System.Text.Json;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Functions.Tests.Support;

namespace ServerlessDeploy.Functions.Tests.Published;

/// <summary>The published webhook function in its own process: a signed GitHub push is queued, an unsigned one is refused.</summary>
[Collection(PublishedFunctionsCollection.Name)]
public sealed class PublishedWebhookTests(PublishedFunctions published) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sdeploy-published-webhook-");

    private string IntakeFile => Path.Combine(_folder.FullName, "intake.jsonl");

    public void Dispose() => _folder.Delete(recursive: true);

    private PublishedFunction Start()
    {
        var secret = Path.Combine(_folder.FullName, "webhook.secret");
        File.WriteAllBytes(secret, GitHubDeliveries.Secret);
        return new PublishedFunction(published, new Dictionary<string, string>
        {
            ["_HANDLER"] = "webhook",
            ["INTAKE_QUEUE_URL"] = "file://" + IntakeFile,
            ["WEBHOOK_SECRET_PARAMETER"] = "file://" + secret,
        });
    }

    [Fact]
    public async Task A_signed_push_is_answered_202_and_its_trigger_is_queued()
    {
        await using var webhook = Start();
        var (headers, body) = GitHubDeliveries.Push();

        var post = await webhook.InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, body));

        Assert.EndsWith("/response", post.Path, StringComparison.Ordinal);
        using var response = JsonDocument.Parse(post.Body);
        Assert.Equal(202, response.RootElement.GetProperty("statusCode").GetInt32());
        var queued = Assert.Single(File.ReadAllLines(IntakeFile));
        var expected = GitHubWebhook.Handle(headers, Encoding.UTF8.GetBytes(body), GitHubDeliveries.Secret).Trigger!;
        Assert.Equal(TriggerJson.Serialize(expected), queued);
    }

    [Fact]
    public async Task A_push_signed_with_another_secret_is_answered_401_and_nothing_is_queued()
    {
        var (headers, body) = GitHubDeliveries.Push();
        headers["x-hub-signature-256"] = "sha256=" + new string('0', 64);
        await using var webhook = Start();

        var post = await webhook.InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, body));

        using var response = JsonDocument.Parse(post.Body);
        Assert.Equal(401, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.False(File.Exists(IntakeFile));
    }
}
