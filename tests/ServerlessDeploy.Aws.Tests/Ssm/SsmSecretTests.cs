using System.Text.Json.Nodes;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Aws.Ssm;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Ssm;

public sealed class SsmSecretTests : IAsyncLifetime
{
    private const string Name = "/serverless-deploy/slack-webhook";
    private const string Value = "https://hooks.slack.com/services/T000/B000/SECRETSECRET";
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_value_is_read_with_decryption_once_per_cache_period()
    {
        AnswerValue(Value);
        AnswerValue(Value + "-rotated");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        using var ssm = Ssm();
        using var secret = new SsmSecret(ssm, new SsmSecretOptions(Name, TimeSpan.FromMinutes(5)), clock);

        Assert.Equal(Value, await secret.GetAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        Assert.Equal(Value, await secret.GetAsync(CancellationToken.None));
        Assert.Single(_server.Requests);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Value + "-rotated", await secret.GetAsync(CancellationToken.None));
        Assert.Equal(2, _server.Requests.Count);

        var request = _server.Requests[0];
        Assert.Equal("AmazonSSM.GetParameter", request.Header("X-Amz-Target"));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Name"] = Name, ["WithDecryption"] = true }, request.Json), request.BodyText);
    }

    [Fact]
    public async Task Concurrent_readers_share_one_read()
    {
        AnswerValue(Value);
        using var ssm = Ssm();
        using var secret = new SsmSecret(ssm, new SsmSecretOptions(Name), new FakeTimeProvider());

        var values = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => secret.GetAsync(CancellationToken.None)));

        Assert.All(values, v => Assert.Equal(Value, v));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_missing_parameter_is_one_clear_error_naming_it()
    {
        _server.Answer(400, """{"__type":"ParameterNotFound","message":""}""");
        using var ssm = Ssm();
        using var secret = new SsmSecret(ssm, new SsmSecretOptions(Name), new FakeTimeProvider());

        var error = await Assert.ThrowsAsync<SsmParameterNotFoundException>(() => secret.GetAsync(CancellationToken.None));

        Assert.Equal(Name, error.ParameterName);
        Assert.Contains($"\"{Name}\" does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_value_is_not_in_ToString_nor_in_a_later_error()
    {
        AnswerValue(Value);
        _server.Answer(400, """{"__type":"ParameterNotFound","message":""}""");
        var clock = new FakeTimeProvider();
        using var ssm = Ssm();
        using var secret = new SsmSecret(ssm, new SsmSecretOptions(Name, TimeSpan.FromMinutes(1)), clock);
        await secret.GetAsync(CancellationToken.None);

        Assert.DoesNotContain("SECRETSECRET", secret.ToString(), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromMinutes(2));
        var error = await Assert.ThrowsAsync<SsmParameterNotFoundException>(() => secret.GetAsync(CancellationToken.None));
        Assert.DoesNotContain("SECRETSECRET", error.ToString(), StringComparison.Ordinal);
    }

    private AmazonSimpleSystemsManagementClient Ssm() =>
        new(TestCredentials.Basic,
            new AmazonSimpleSystemsManagementConfig { ServiceURL = _server.Url.ToString(), AuthenticationRegion = TestCredentials.Region, MaxErrorRetry = 0 });

    private void AnswerValue(string value) =>
        _server.Answer(200, new JsonObject
        {
            ["Parameter"] = new JsonObject
            {
                ["Name"] = Name,
                ["Type"] = "SecureString",
                ["Value"] = value,
                ["Version"] = 1,
                ["ARN"] = "arn:aws:ssm:eu-west-1:123456789012:parameter" + Name,
                ["DataType"] = "text",
            },
        }.ToJsonString());
}
