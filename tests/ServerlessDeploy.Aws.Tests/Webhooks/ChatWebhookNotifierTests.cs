using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Notifications.Webhooks;
using ServerlessDeploy.Testing.Http;

namespace ServerlessDeploy.Aws.Tests.Webhooks;

public sealed class ChatWebhookNotifierTests : IAsyncLifetime
{
    private const string SecretPath = "services/T0001/B0001/XXXXsecretTOKENxxxx";
    private RecordingServer _server = null!;

    private static SyncNotification Failed => new(NotificationKind.SyncFailed, "guestbook", "0123456789abcdef0123456789abcdef01234567",
        ["registry.example/guestbook:1.4.2"], "Degraded", "apply failed: Deployment/guestbook <invalid> & rejected",
        new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Slack_gets_text_and_blocks_naming_app_short_revision_health_and_message_with_the_failure_marked()
    {
        var payload = await SendAsync(ChatService.Slack, Failed);

        var text = payload["text"]!.GetValue<string>();
        Assert.Contains("Sync FAILED: guestbook", text, StringComparison.Ordinal);
        Assert.Contains("0123456", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", text, StringComparison.Ordinal);
        Assert.Contains("Degraded", text, StringComparison.Ordinal);
        Assert.Contains("Deployment/guestbook &lt;invalid&gt; &amp; rejected", text, StringComparison.Ordinal);

        var blocks = payload["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "section"], blocks.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("plain_text", blocks[0]!["text"]!["type"]!.GetValue<string>());
        Assert.StartsWith("❌ Sync FAILED", blocks[0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var fields = blocks[1]!["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()).ToList();
        Assert.Contains("*App*\nguestbook", fields);
        Assert.Contains("*Revision*\n0123456", fields);
        Assert.Contains("*Health*\nDegraded", fields);
        Assert.Contains("*Images*\nregistry.example/guestbook:1.4.2", fields);
        Assert.Equal("mrkdwn", blocks[2]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal("apply failed: Deployment/guestbook &lt;invalid&gt; &amp; rejected", blocks[2]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Teams_gets_a_message_with_one_adaptive_card()
    {
        var payload = await SendAsync(ChatService.Teams, Failed);

        Assert.Equal("message", payload["type"]!.GetValue<string>());
        var attachment = Assert.Single(payload["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card["$schema"]!.GetValue<string>());
        Assert.Equal("1.2", card["version"]!.GetValue<string>());
        var body = card["body"]!.AsArray();
        Assert.Equal("❌ Sync FAILED: guestbook", body[0]!["text"]!.GetValue<string>());
        Assert.Equal("Attention", body[0]!["color"]!.GetValue<string>());
        var facts = body[1]!["facts"]!.AsArray().ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        Assert.Equal(("guestbook", "0123456", "Degraded"), (facts["App"], facts["Revision"], facts["Health"]));
        Assert.Equal(Failed.Message, body[2]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Discord_gets_content_and_an_embed_with_mentions_disabled()
    {
        var payload = await SendAsync(ChatService.Discord, Failed);

        Assert.Equal("❌ Sync FAILED: guestbook", payload["content"]!.GetValue<string>());
        var embed = Assert.Single(payload["embeds"]!.AsArray())!;
        Assert.Equal("❌ Sync FAILED: guestbook", embed["title"]!.GetValue<string>());
        Assert.Equal(Failed.Message, embed["description"]!.GetValue<string>());
        Assert.Equal(0xE01E5A, embed["color"]!.GetValue<int>());
        var fields = embed["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        Assert.Equal(("guestbook", "0123456", "Degraded"), (fields["App"], fields["Revision"], fields["Health"]));
        Assert.Empty(payload["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Theory]
    [InlineData(NotificationKind.SyncSucceeded, "✅ Sync succeeded: guestbook", 0x2EB67D)]
    [InlineData(NotificationKind.HealthDegraded, "⚠️ Health degraded: guestbook", 0xECB22E)]
    public async Task Other_outcomes_are_titled_and_coloured_for_what_they_are(NotificationKind kind, string title, int color)
    {
        var payload = await SendAsync(ChatService.Discord, Failed with { Kind = kind, Revision = "v1.4.2" });
        Assert.Equal(title, payload["content"]!.GetValue<string>());
        Assert.Equal(color, payload["embeds"]![0]!["color"]!.GetValue<int>());
        Assert.Contains(payload["embeds"]![0]!["fields"]!.AsArray(), f => f!["value"]!.GetValue<string>() == "v1.4.2");
    }

    [Theory]
    [InlineData(NotificationKind.RolloutWeightChanged, "🚦 Rollout weight changed: guestbook shop/web", 0x2EB67D)]
    [InlineData(NotificationKind.RolloutPaused, "⏸️ Rollout paused: guestbook shop/web", 0xECB22E)]
    [InlineData(NotificationKind.RolloutAborted, "❌ Rollout ABORTED: guestbook shop/web", 0xE01E5A)]
    public async Task A_rollout_transition_is_titled_for_it_and_shows_the_rollout_its_step_and_weights(NotificationKind kind, string title, int color)
    {
        var payload = await SendAsync(ChatService.Discord, Failed with { Kind = kind, Rollout = new RolloutNotice("shop", "web", 2, 4, 25, 50) });

        Assert.Equal(title, payload["content"]!.GetValue<string>());
        Assert.Equal(color, payload["embeds"]![0]!["color"]!.GetValue<int>());
        var values = payload["embeds"]![0]!["fields"]!.AsArray().Select(f => f!["value"]!.GetValue<string>()).ToList();
        Assert.Contains("shop/web", values);
        Assert.Contains("2/4", values);
        Assert.Contains("25% → 50%", values);
    }

    [Theory]
    [InlineData(ChatService.Slack)]
    [InlineData(ChatService.Teams)]
    [InlineData(ChatService.Discord)]
    public async Task A_refusal_names_the_service_and_status_but_never_the_url(ChatService service)
    {
        _server.Answer(404, "no_team", contentType: "text/plain");
        var notifier = new ChatWebhookNotifier(_server.Http, new ChatWebhookOptions(service, new Uri(_server.Url, SecretPath)));

        var error = await Assert.ThrowsAsync<ChatWebhookException>(() => notifier.NotifyAsync(Failed, CancellationToken.None));

        Assert.Equal(service, error.Service);
        Assert.Contains(service.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error.ToString());
        AssertNoSecret(notifier.ToString());
    }

    [Fact]
    public async Task An_unreachable_webhook_is_reported_without_the_url()
    {
        var notifier = new ChatWebhookNotifier(_server.Http, new ChatWebhookOptions(ChatService.Slack, new Uri($"http://127.0.0.1:{ClosedPort()}/{SecretPath}")));

        var error = await Assert.ThrowsAsync<ChatWebhookException>(() => notifier.NotifyAsync(Failed, CancellationToken.None));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        AssertNoSecret(error.ToString());
    }

    [Fact]
    public void The_options_never_print_the_url() =>
        AssertNoSecret(new ChatWebhookOptions(ChatService.Teams, new Uri("https://example.webhook.office.com/" + SecretPath)).ToString());

    private async Task<JsonNode> SendAsync(ChatService service, SyncNotification notification)
    {
        _server.Answer(service == ChatService.Discord ? 204 : 200, service == ChatService.Slack ? "ok" : "", contentType: "text/plain");
        await new ChatWebhookNotifier(_server.Http, new ChatWebhookOptions(service, new Uri(_server.Url, SecretPath))).NotifyAsync(notification, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/" + SecretPath, request.Path);
        Assert.Equal("application/json", request.Header("Content-Type"));
        return request.Json;
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain("secretTOKEN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("T0001", text, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
