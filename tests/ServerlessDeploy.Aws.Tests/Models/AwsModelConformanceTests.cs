using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Aws.CodePipeline;
using ServerlessDeploy.Aws.Ecr;
using ServerlessDeploy.Aws.Eks;
using ServerlessDeploy.Aws.EventBridge;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Aws.Notifications;
using ServerlessDeploy.Aws.Scheduler;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Testing.AwsModels;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Models;

/// <summary>
/// Every request the hand-written AWS clients send, captured from the real clients on the recording server, checked
/// against AWS's own service models (the pinned aws-sdk v2 package): operation, target or route, signing name, members,
/// required members, types and enum values; and every answer member the clients read, against the output shapes.
/// </summary>
public sealed class AwsModelConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 15, 0, TimeSpan.Zero);
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EventBridge_put_events_fits_the_model()
    {
        const string Answer = """{"FailedEntryCount":1,"Entries":[{"EventId":"e-1"},{"ErrorCode":"InternalFailure","ErrorMessage":"try again"}]}""";
        _server.Answer(200, Answer).Answer(200, """{"FailedEntryCount":0,"Entries":[{"EventId":"e-2"}]}""");
        var client = new EventBridgeClient(Client(AwsJsonService.EventBridge));
        await Assert.ThrowsAsync<PutEventsFailedException>(() => client.PutEventsAsync(
            [new("serverless-deploy", "Sync Succeeded", """{"app":"shop"}""", "deploys", Now.AddMilliseconds(250)), new("serverless-deploy", "Sync Failed", "{}")],
            CancellationToken.None));
        await new EventBridgeNotifier(client, new EventBridgeNotifierOptions("deploys")).NotifyAsync(
            new SyncNotification(NotificationKind.SyncSucceeded, "shop", "0123456789abcdef0123456789abcdef01234567", ["123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.2.3"],
                "Healthy", "synced", Now), CancellationToken.None);

        var model = AwsServiceModel.Load("eventbridge-2015-10-07");
        AssertFits(
            model.CheckRequest("EventBridgeClient", _server.Requests[0]),
            model.CheckRequest("EventBridgeNotifier", _server.Requests[1]),
            model.CheckResponse("EventBridgeClient", "PutEvents", JsonNode.Parse(Answer)!),
            model.CheckReads("EventBridgeClient", "PutEvents", "Entries[].EventId", "Entries[].ErrorCode", "Entries[].ErrorMessage"));
    }

    [Fact]
    public async Task Ecr_describe_images_fits_the_model_on_every_page()
    {
        const string First = """
            {"imageDetails":[{"registryId":"123456789012","repositoryName":"shop","imageDigest":"sha256:aa","imageTags":["1.2.3","latest"],
              "imageSizeInBytes":1234,"imagePushedAt":1795435200.5,"imageManifestMediaType":"application/vnd.oci.image.manifest.v1+json"}],
             "nextToken":"page-2"}
            """;
        const string Second = """{"imageDetails":[{"imageDigest":"sha256:bb","imageTags":["1.2.4"],"imagePushedAt":1795435300}]}""";
        _server.Answer(200, First).Answer(200, Second);

        await new EcrImages(Client(AwsJsonService.Ecr)).TagsAsync("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop", CancellationToken.None);

        var model = AwsServiceModel.Load("ecr-2015-09-21");
        Assert.Equal(2, _server.Requests.Count);
        AssertFits(
            model.CheckRequest("EcrImages", _server.Requests[0]),
            model.CheckRequest("EcrImages", _server.Requests[1]),
            model.CheckResponse("EcrImages", "DescribeImages", JsonNode.Parse(First)!),
            model.CheckResponse("EcrImages", "DescribeImages", JsonNode.Parse(Second)!),
            model.CheckReads("EcrImages", "DescribeImages", "imageDetails[].imageDigest", "imageDetails[].imagePushedAt", "imageDetails[].imageTags[]", "nextToken"));
    }

    [Fact]
    public async Task CodePipeline_job_results_fit_the_model()
    {
        _server.Answer(200, "").Answer(200, "").Answer(200, "");
        var jobs = new CodePipelineJobs(Client(AwsJsonService.CodePipeline));

        await jobs.PutJobSuccessResultAsync("11111111-2222-3333-4444-555555555555", "deployment-7", new Dictionary<string, string> { ["revision"] = "abc" }, CancellationToken.None);
        await jobs.PutJobSuccessResultAsync("11111111-2222-3333-4444-555555555555", null, null, CancellationToken.None);
        await jobs.PutJobFailureResultAsync("11111111-2222-3333-4444-555555555555", "sync failed: Deployment/web is Degraded", CancellationToken.None);

        var model = AwsServiceModel.Load("codepipeline-2015-07-09");
        AssertFits([.. _server.Requests.Select(r => model.CheckRequest("CodePipelineJobs", r))]);
        Assert.Equal(["PutJobSuccessResult", "PutJobSuccessResult", "PutJobFailureResult"], _server.Requests.Select(model.OperationOf));
    }

    [Fact]
    public async Task Scheduler_one_time_schedules_fit_the_model()
    {
        const string Created = """{"ScheduleArn":"arn:aws:scheduler:eu-west-1:123456789012:schedule/sdeploy-wake-ups/wake-shop-7-3"}""";
        _server.Answer(200, Created, contentType: "application/json").Answer(200, "{}", contentType: "application/json");
        var schedules = new EventBridgeSchedules(Client(AwsJsonService.Scheduler), new OneTimeSchedulesOptions("sdeploy-wake-ups"));

        await schedules.CreateAsync(new OneTimeSchedule("wake-shop-7-3", Now.AddMinutes(20), "arn:aws:sqs:eu-west-1:123456789012:sdeploy-wake-up",
            "arn:aws:iam::123456789012:role/sdeploy-scheduler", """{"app":"shop"}"""), CancellationToken.None);
        await schedules.DeleteAsync("wake-shop-7-3", CancellationToken.None);

        var model = AwsServiceModel.Load("scheduler-2021-06-30");
        AssertFits(
            model.CheckRequest("EventBridgeSchedules", _server.Requests[0]),
            model.CheckRequest("EventBridgeSchedules", _server.Requests[1]),
            model.CheckResponse("EventBridgeSchedules", "CreateSchedule", JsonNode.Parse(Created)!));
        Assert.Equal(["CreateSchedule", "DeleteSchedule"], _server.Requests.Select(model.OperationOf));
    }

    [Fact]
    public async Task The_eks_token_presigns_an_sts_call_that_fits_the_model()
    {
        using var provider = new EksTokenProvider(new EksClusterOptions("prod", "eu-west-1"), TestCredentials.Basic, new FakeTimeProvider(Now));
        var token = await provider.GetTokenAsync(CancellationToken.None);

        var url = new Uri(Encoding.UTF8.GetString(Convert.FromBase64String(Base64(token["k8s-aws-v1.".Length..]))));
        var presigned = new RecordedRequest("GET", url.AbsolutePath, url.Query, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), []);
        var model = AwsServiceModel.Load("sts-2011-06-15");
        AssertFits(model.CheckRequest("EksTokenProvider", presigned));
        Assert.Equal("GetCallerIdentity", model.OperationOf(presigned));
    }

    private static string Base64(string url) => url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - url.Length % 4) % 4);

    private static void AssertFits(params IReadOnlyList<string>[] problems)
    {
        var all = problems.SelectMany(p => p).ToList();
        Assert.True(all.Count == 0, "the requests stray from AWS's models:\n" + string.Join("\n", all));
    }

    private AwsJsonClient Client(AwsJsonService service) =>
        new(new AwsJsonClientOptions(service, TestCredentials.Region, _server.Url, MaxRetries: 0), _server.Http, TestCredentials.Basic, new FakeTimeProvider(Now));
}
