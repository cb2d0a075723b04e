using System.Text.Json.Nodes;
using Amazon.SQS;
using ServerlessDeploy.Aws.Sqs;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;
using ServerlessDeploy.Testing.Sqs;

namespace ServerlessDeploy.Aws.Tests.Sqs;

public sealed class SqsQueueTests : IAsyncLifetime
{
    private const string QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/deploy.fifo";
    private const string StandardQueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/wake-up";
    private const string MessageId = "5fea7756-0ea4-451a-a703-a558b933e274";
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_fifo_message_carries_its_group_and_deduplication_ids()
    {
        using var sqs = Sqs();
        AnswerSent("""{"app":"guestbook"}""");
        await new SqsQueue(sqs, QueueUrl).SendAsync(new QueueMessage("""{"app":"guestbook"}""", "guestbook", "guestbook:abc123"), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("AmazonSQS.SendMessage", request.Header("X-Amz-Target"));
        Assert.StartsWith("application/x-amz-json-1.0", request.Header("Content-Type"), StringComparison.Ordinal);
        var expected = JsonNode.Parse("""
            {"QueueUrl":"https://sqs.eu-west-1.amazonaws.com/123456789012/deploy.fifo","MessageBody":"{\"app\":\"guestbook\"}",
             "MessageGroupId":"guestbook","MessageDeduplicationId":"guestbook:abc123"}
            """);
        Assert.True(JsonNode.DeepEquals(expected, request.Json), request.BodyText);
        // The SDK's own signer against this test's verifier: the verifier agrees with AWS's implementation.
        SigV4Verifier.AssertVerifies(request, TestCredentials.SecretKey);
        Assert.Equal("sqs", SigV4Verifier.Parse(request).Service);
    }

    [Fact]
    public async Task A_standard_message_has_no_group_or_deduplication_id()
    {
        using var sqs = Sqs();
        AnswerSent("tick");
        await new SqsQueue(sqs, QueueUrl).SendAsync(new QueueMessage("tick"), CancellationToken.None);

        var body = Assert.Single(_server.Requests).Json.AsObject();
        Assert.False(body.ContainsKey("MessageGroupId"));
        Assert.False(body.ContainsKey("MessageDeduplicationId"));
        Assert.Equal("tick", body["MessageBody"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_for_id_returns_the_id_sqs_gave_the_message()
    {
        using var sqs = Sqs();
        AnswerSent("tick");

        var id = await new SqsQueue(sqs, QueueUrl).SendForIdAsync(new QueueMessage("tick"), CancellationToken.None);

        Assert.Equal(MessageId, id);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(90.2, 91)]
    [InlineData(900.0, 900)]
    public async Task A_standard_message_carries_its_timer_in_whole_seconds_rounded_up(double seconds, int expected)
    {
        using var sqs = Sqs();
        AnswerSent("tick");
        await new SqsQueue(sqs, StandardQueueUrl).SendAsync(new QueueMessage("tick", Delay: TimeSpan.FromSeconds(seconds)), CancellationToken.None);

        var expectedBody = new JsonObject { ["QueueUrl"] = StandardQueueUrl, ["MessageBody"] = "tick", ["DelaySeconds"] = expected };
        Assert.True(JsonNode.DeepEquals(expectedBody, Assert.Single(_server.Requests).Json), _server.Requests[0].BodyText);
    }

    [Fact]
    public async Task A_message_without_a_timer_sends_no_delay()
    {
        using var sqs = Sqs();
        AnswerSent("tick");
        await new SqsQueue(sqs, StandardQueueUrl).SendAsync(new QueueMessage("tick"), CancellationToken.None);

        Assert.False(Assert.Single(_server.Requests).Json.AsObject().ContainsKey("DelaySeconds"));
    }

    [Fact]
    public async Task A_timer_on_a_fifo_queue_is_refused_before_anything_is_sent()
    {
        using var sqs = Sqs();
        var message = new QueueMessage("""{"app":"guestbook"}""", "guestbook", "guestbook:abc123", TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new SqsQueue(sqs, QueueUrl).SendAsync(message, CancellationToken.None));

        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(900.001)]
    [InlineData(-1.0)]
    public async Task A_timer_outside_what_sqs_allows_is_refused_before_anything_is_sent(double seconds)
    {
        using var sqs = Sqs();
        var message = new QueueMessage("tick", Delay: TimeSpan.FromSeconds(seconds));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new SqsQueue(sqs, StandardQueueUrl).SendAsync(message, CancellationToken.None));

        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(-5.0, 0)]
    [InlineData(0.0, 0)]
    [InlineData(90.2, 91)]
    [InlineData(43_200.0, 43_200)]
    [InlineData(86_400.0, 43_200)]
    public async Task Visibility_is_changed_in_whole_seconds_clamped_to_what_sqs_allows(double seconds, int expected)
    {
        using var sqs = Sqs();
        _server.Answer(200, "{}", contentType: "application/x-amz-json-1.0");
        await new SqsQueue(sqs, QueueUrl).ChangeVisibilityAsync("receipt-1", TimeSpan.FromSeconds(seconds), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("AmazonSQS.ChangeMessageVisibility", request.Header("X-Amz-Target"));
        var expectedBody = new JsonObject { ["QueueUrl"] = QueueUrl, ["ReceiptHandle"] = "receipt-1", ["VisibilityTimeout"] = expected };
        Assert.True(JsonNode.DeepEquals(expectedBody, request.Json), request.BodyText);
    }

    private AmazonSQSClient Sqs() =>
        new(TestCredentials.Basic, new AmazonSQSConfig { ServiceURL = _server.Url.ToString(), AuthenticationRegion = TestCredentials.Region, MaxErrorRetry = 0 });

    /// <summary>SendMessage's answer; the SDK checks MD5OfMessageBody against what it sent.</summary>
    private void AnswerSent(string body) => _server.Answer(SqsAnswers.Sent(body, MessageId));
}
