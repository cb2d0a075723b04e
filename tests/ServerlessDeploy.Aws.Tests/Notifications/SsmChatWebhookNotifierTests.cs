using System.Text.Json.Nodes;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Aws.Notifications;
using ServerlessDeploy.Aws.Ssm;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Notifications.Webhooks;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Notifications;

/// <summary>A chat webhook whose URL is an SSM parameter: one recording server answers both the SSM read and the post.</summary>
public sealed class SsmChatWebhookNotifierTests : IAsyncLifetime
{
    private const string Parameter = "/serverless-deploy/slack-webhook";
    private static readonly SyncNotification Synced = new(NotificationKind.SyncSucceeded, "guestbook", "0123456789abcdef0123456789abcdef01234567",
        [], "Healthy", "synced", new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_notice_is_posted_to_the_url_read_from_the_parameter()
    {
        AnswerUrl(new Uri(_server.Url, "services/T0001/B0001/SECRETSECRET").ToString());
        _server.Answer(200, "ok", contentType: "text/plain");
        using var ssm = Ssm();
        using var url = new SsmSecret(ssm, new SsmSecretOptions(Parameter), new FakeTimeProvider());

        await new SsmChatWebhookNotifier(ChatService.Slack, url, _server.Http).NotifyAsync(Synced, CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("AmazonSSM.GetParameter", _server.Requests[0].Header("X-Amz-Target"));
        Assert.Equal("/services/T0001/B0001/SECRETSECRET", _server.Requests[1].Path);
        Assert.Contains("guestbook", _server.Requests[1].Json?["text"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_that_holds_no_url_is_an_error_without_the_value()
    {
        AnswerUrl("not a url SECRETSECRET");
        using var ssm = Ssm();
        using var url = new SsmSecret(ssm, new SsmSecretOptions(Parameter), new FakeTimeProvider());

        var error = await Assert.ThrowsAsync<ChatWebhookException>(
            () => new SsmChatWebhookNotifier(ChatService.Teams, url, _server.Http).NotifyAsync(Synced, CancellationToken.None));

        Assert.Equal($"Teams webhook: webhook URL in SsmSecret({Parameter}) is not an absolute URL", error.Message);
        Assert.DoesNotContain("SECRETSECRET", error.ToString(), StringComparison.Ordinal);
    }

    private AmazonSimpleSystemsManagementClient Ssm() =>
        new(TestCredentials.Basic,
            new AmazonSimpleSystemsManagementConfig { ServiceURL = _server.Url.ToString(), AuthenticationRegion = TestCredentials.Region, MaxErrorRetry = 0 });

    private void AnswerUrl(string value) =>
        _server.Answer(200, new JsonObject
        {
            ["Parameter"] = new JsonObject { ["Name"] = Parameter, ["Type"] = "SecureString", ["Value"] = value, ["Version"] = 1 },
        }.ToJsonString());
}
