using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Core.Tests.Triggers;

public sealed class ServerlessDeployRequestBodyTests
{
    public static TheoryData<Trigger> Requests() => new()
    {
        new SyncRequested("guestbook", null, "alice"),
        new SyncRequested("guestbook", "3f1c2a9", "alice"),
        new RollbackRequested("guestbook", null, Force: false),
        new RollbackRequested("guestbook", 3, Force: true),
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_request_body_reads_back_as_the_same_trigger(Trigger request)
    {
        var body = request switch
        {
            SyncRequested sync => ServerlessDeployRequestBody.For(sync),
            RollbackRequested rollback => ServerlessDeployRequestBody.For(rollback),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };

        var result = EventBridgeTriggers.Parse(body);

        Assert.Equal(TriggerParseStatus.Parsed, result.Status);
        Assert.Equal(request, result.Trigger);
    }

    [Fact]
    public void Unset_fields_are_left_out()
    {
        Assert.Equal("""{"serverless-deploy":"sync","app":"web","requester":"ci"}""", ServerlessDeployRequestBody.For(new SyncRequested("web", null, "ci")));
        Assert.Equal("""{"serverless-deploy":"rollback","app":"web"}""", ServerlessDeployRequestBody.For(new RollbackRequested("web", null, false)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_history_id_below_one_is_refused(long id) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ServerlessDeployRequestBody.For(new RollbackRequested("web", id, false)));
}
