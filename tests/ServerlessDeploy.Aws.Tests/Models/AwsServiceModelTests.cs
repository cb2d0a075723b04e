using System.Text;
using System.Text.Json.Nodes;
using ServerlessDeploy.Testing.AwsModels;
using ServerlessDeploy.Testing.Http;

namespace ServerlessDeploy.Aws.Tests.Models;

/// <summary>The model check itself: each kind of mistake a hand-written client could make is named, with client, operation and member.</summary>
public sealed class AwsServiceModelTests
{
    private static readonly AwsServiceModel Pipeline = AwsServiceModel.Load("codepipeline-2015-07-09");
    private static readonly AwsServiceModel Scheduler = AwsServiceModel.Load("scheduler-2021-06-30");

    [Fact]
    public void A_request_that_fits_has_no_problems() =>
        Assert.Empty(Pipeline.CheckRequest("Jobs", Json("CodePipeline_20150709.PutJobFailureResult", """{"jobId":"j","failureDetails":{"type":"JobFailed","message":"m"}}""")));

    [Theory]
    [InlineData("CodePipeline_20150709.PutJobFailureResult", """{"jobId":"j","failureDetails":{"type":"JobFailed","message":"m"},"JobId":"j"}""",
        "Jobs PutJobFailureResult: JobId is not a member of PutJobFailureResultInput (the model spells it jobId)")]
    [InlineData("CodePipeline_20150709.PutJobFailureResult", """{"jobId":"j"}""", "Jobs PutJobFailureResult: required member failureDetails is missing")]
    [InlineData("CodePipeline_20150709.PutJobFailureResult", """{"jobId":"j","failureDetails":{"type":"Broken","message":"m"}}""",
        "Jobs PutJobFailureResult: failureDetails.type is \"Broken\", not one of FailureType's values (JobFailed, ConfigurationError, PermissionError, RevisionOutOfSync, RevisionUnavailable, SystemUnavailable)")]
    [InlineData("CodePipeline_20150709.PutJobFailureResult", """{"jobId":7,"failureDetails":{"type":"JobFailed","message":"m"}}""",
        "Jobs PutJobFailureResult: jobId is number 7, where the model has a string")]
    [InlineData("CodePipeline_20150709.PutJobSuccessResult", """{"jobId":"j","outputVariables":{"a":1}}""",
        "Jobs PutJobSuccessResult: outputVariables[\"a\"] is number 1, where the model has a string")]
    [InlineData("CodePipeline_20150709.PutJobSuccess", "{}", "Jobs: POST / (X-Amz-Target CodePipeline_20150709.PutJobSuccess) calls no operation of codepipeline-2015-07-09")]
    public void Each_mistake_is_named(string target, string body, string problem) =>
        Assert.Equal([problem], Pipeline.CheckRequest("Jobs", Json(target, body)));

    [Fact]
    public void Content_type_and_signing_name_are_checked()
    {
        var request = Json("CodePipeline_20150709.PutJobSuccessResult", """{"jobId":"j"}""", service: "codepipelines");
        var wrongType = request with { Headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/x-amz-json-1.0" } };
        Assert.Equal(["Jobs PutJobSuccessResult: SigV4 signing name is codepipelines, the model wants codepipeline",
            "Jobs PutJobSuccessResult: Content-Type is application/x-amz-json-1.0, the model wants application/x-amz-json-1.1"], Pipeline.CheckRequest("Jobs", wrongType));
    }

    [Fact]
    public void Rest_json_routes_query_members_and_body_types_are_checked()
    {
        var body = """
            {"GroupName":"g","ScheduleExpression":"at(2026-12-06T09:35:20)","FlexibleTimeWindow":{"Mode":"SOMETIMES","MaximumWindowInMinutes":"5"},
             "Target":{"Arn":"a"},"Name":"n"}
            """;
        Assert.Equal([
            "Schedules CreateSchedule: FlexibleTimeWindow.Mode is \"SOMETIMES\", not one of FlexibleTimeWindowMode's values (OFF, FLEXIBLE)",
            "Schedules CreateSchedule: FlexibleTimeWindow.MaximumWindowInMinutes is string \"5\", where the model has a integer",
            "Schedules CreateSchedule: required member Target.RoleArn is missing",
            "Schedules CreateSchedule: Name is not a member of CreateScheduleInput",
        ], Scheduler.CheckRequest("Schedules", Rest("POST", "/schedules/n", "", body)));

        Assert.Equal(["Schedules DeleteSchedule: query parameter group is not a querystring member of the input shape"],
            Scheduler.CheckRequest("Schedules", Rest("DELETE", "/schedules/n", "?group=g", "")));
        Assert.Equal("DeleteSchedule", Scheduler.OperationOf(Rest("DELETE", "/schedules/n", "?groupName=g", "")));
        Assert.Null(Scheduler.OperationOf(Rest("PUT", "/schedule/n", "", "")));
    }

    [Fact]
    public void Answers_and_reads_are_checked_against_the_output_shape()
    {
        var ecr = AwsServiceModel.Load("ecr-2015-09-21");
        Assert.Equal(["Ecr DescribeImages answer: imageDetails[0].imagePushedAt is string \"2026-12-06\", where the model has a timestamp"],
            ecr.CheckResponse("Ecr", "DescribeImages", JsonNode.Parse("""{"imageDetails":[{"imagePushedAt":"2026-12-06"}]}""")!));
        Assert.Equal([
            "Ecr DescribeImages reads imageDetails[].pushedAt: pushedAt is not a member of the output shape",
            "Ecr DescribeImages reads nextToken[]: nextToken is a string, not a list",
        ], ecr.CheckReads("Ecr", "DescribeImages", "imageDetails[].imageTags[]", "imageDetails[].pushedAt", "nextToken[]"));
    }

    [Fact]
    public void Enum_values_come_from_the_same_releases_typings() =>
        Assert.Equal(["NONE", "DELETE"], Scheduler.EnumValues("ActionAfterCompletion"));

    private static RecordedRequest Json(string target, string body, string service = "codepipeline") =>
        new("POST", "/", "", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Amz-Target"] = target,
            ["Content-Type"] = "application/x-amz-json-1.1",
            ["Authorization"] = Authorization(service),
        }, Encoding.UTF8.GetBytes(body));

    private static RecordedRequest Rest(string method, string path, string query, string body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = Authorization("scheduler"),
        };
        if (body.Length > 0)
        {
            headers["Content-Type"] = "application/json";
        }

        return new(method, path, query, headers, Encoding.UTF8.GetBytes(body));
    }

    private static string Authorization(string service) =>
        $"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261206/eu-west-1/{service}/aws4_request, SignedHeaders=host, Signature=00";
}
