using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Time;

namespace ServerlessDeploy.Functions.Tests.Sqs;

/// <summary>The failure recorder against a real state store (SQLite, which passes the same contract tests as DynamoDB).</summary>
public sealed class StateFailureRecorderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sdeploy-failure-recorder-");
    private readonly SqliteStateStore _store;

    public StateFailureRecorderTests() => _store = new SqliteStateStore(_folder.FullName, new FixedClock(Now));

    [Fact]
    public async Task A_failure_is_kept_with_its_queue_receive_count_and_fourteen_days()
    {
        var record = new SqsRecord("m-1", "r-1", "body", new SqsRecordAttributes(3, 1763298185000), Records.FifoQueueArn);

        await new StateFailureRecorder(_store, new FixedClock(Now)).RecordFailureAsync(record, "lease held by another sync", CancellationToken.None);

        Assert.Equal(
            new DeliveryFailure("m-1", "serverless-deploy-deploy.fifo", 3, "lease held by another sync", Now, Now.AddDays(14)),
            await _store.GetDeliveryFailureAsync("m-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_long_error_is_cut_to_four_kilobytes_on_a_character_boundary()
    {
        var record = Records.Record(Records.StandardQueueArn, "m-2", "body");
        var error = "é" + new string('x', 4094) + "ü and more";

        await new StateFailureRecorder(_store, new FixedClock(Now)).RecordFailureAsync(record, error, CancellationToken.None);

        var kept = (await _store.GetDeliveryFailureAsync("m-2", CancellationToken.None))!.Error;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(kept) <= StateFailureRecorder.MaxErrorBytes);
        Assert.EndsWith("x…", kept, StringComparison.Ordinal);
        Assert.StartsWith("éxxx", kept, StringComparison.Ordinal);
        Assert.Equal("short", StateFailureRecorder.Capped("short"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Delete(recursive: true);
    }
}
