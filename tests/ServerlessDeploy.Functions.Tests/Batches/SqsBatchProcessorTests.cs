using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Testing.Time;

namespace ServerlessDeploy.Functions.Tests.Batches;

public sealed class SqsBatchProcessorTests : IDisposable
{
    private readonly StringWriter _log = new();
    private readonly RecordingFailureRecorder _recorder = new();
    private readonly List<string> _handled = [];

    public void Dispose() => _log.Dispose();

    [Fact]
    public async Task A_standard_queue_handles_every_record_and_lists_each_failure()
    {
        var response = await ProcessAsync(Records.Batch(Records.StandardQueueArn, "a", "b", "c", "d"), Outcomes(b: "retry", c: "throw"));

        Assert.Equal(["a", "b", "c", "d"], _handled);
        Assert.Equal(["b", "c"], Ids(response));
    }

    [Fact]
    public async Task A_fifo_queue_stops_at_the_first_failure_and_returns_it_with_every_later_record_unhandled()
    {
        var response = await ProcessAsync(Records.Batch(Records.FifoQueueArn, "a", "b", "c", "d"), Outcomes(b: "retry"));

        Assert.Equal(["a", "b"], _handled);
        Assert.Equal(["b", "c", "d"], Ids(response));
        Assert.Equal(["b"], _recorder.Failures.Select(f => f.MessageId));
    }

    [Fact]
    public async Task A_fifo_batch_whose_first_record_throws_returns_the_whole_batch()
    {
        var response = await ProcessAsync(Records.Batch(Records.FifoQueueArn, "a", "b", "c"), Outcomes(a: "throw"));

        Assert.Equal(["a"], _handled);
        Assert.Equal(["a", "b", "c"], Ids(response));
    }

    [Fact]
    public async Task A_batch_that_all_succeeds_returns_no_failures_and_records_nothing()
    {
        var response = await ProcessAsync(Records.Batch(Records.FifoQueueArn, "a", "b"), Outcomes());

        Assert.Empty(response.BatchItemFailures);
        Assert.Empty(_recorder.Failures);
    }

    [Fact]
    public async Task A_handler_exception_is_a_failure_whose_reason_is_recorded_and_logged_by_message_id_without_the_body()
    {
        var batch = new SqsEvent([Records.Record(Records.StandardQueueArn, "poison", "SECRET-BODY-CONTENT")]);

        var response = await ProcessAsync(batch, Outcomes(poison: "throw"));

        Assert.Equal(["poison"], Ids(response));
        var (messageId, reason) = Assert.Single(_recorder.Failures);
        Assert.Equal("poison", messageId);
        Assert.Equal("InvalidOperationException: render failed for poison", reason);
        var log = _log.ToString();
        Assert.Contains("poison", log, StringComparison.Ordinal);
        Assert.Contains("render failed", log, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-BODY-CONTENT", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_reason_is_recorded_before_the_failure_is_returned()
    {
        await ProcessAsync(Records.Batch(Records.StandardQueueArn, "a", "b"), Outcomes(a: "retry"));

        Assert.Equal([("a", "not yet: a")], _recorder.Failures);
    }

    [Fact]
    public async Task A_recorder_that_fails_does_not_lose_the_batch_response()
    {
        var processor = new SqsBatchProcessor(Log(), new RecordingFailureRecorder(throws: true));

        var response = await processor.ProcessAsync(Records.Batch(Records.StandardQueueArn, "a", "b"), "req", Outcomes(a: "retry", b: "retry"), CancellationToken.None);

        Assert.Equal(["a", "b"], Ids(response));
        Assert.Contains("could not record the failure of message a", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_recorder_failures_are_still_returned()
    {
        var processor = new SqsBatchProcessor(Log(), failureRecorder: null);

        var response = await processor.ProcessAsync(Records.Batch(Records.StandardQueueArn, "a"), "req", Outcomes(a: "throw"), CancellationToken.None);

        Assert.Equal(["a"], Ids(response));
    }

    private Task<SqsBatchResponse> ProcessAsync(SqsEvent batch, Func<SqsRecord, CancellationToken, Task<RecordResult>> handler) =>
        new SqsBatchProcessor(Log(), _recorder).ProcessAsync(batch, "req-batch", handler, CancellationToken.None);

    /// <summary>A handler that notes each record it sees; "retry" fails a record with a reason, "throw" throws.</summary>
    private Func<SqsRecord, CancellationToken, Task<RecordResult>> Outcomes(string? a = null, string? b = null, string? c = null, string? poison = null)
    {
        var outcomes = new Dictionary<string, string?> { ["a"] = a, ["b"] = b, ["c"] = c, ["poison"] = poison };
        return (record, _) =>
        {
            _handled.Add(record.MessageId);
            return outcomes.GetValueOrDefault(record.MessageId) switch
            {
                "retry" => Task.FromResult(RecordResult.Retry($"not yet: {record.MessageId}")),
                "throw" => throw new InvalidOperationException($"render failed for {record.MessageId}"),
                _ => Task.FromResult(RecordResult.Done),
            };
        };
    }

    private JsonLog Log() => new(_log, new FixedClock(DateTimeOffset.UnixEpoch));

    private static string[] Ids(SqsBatchResponse response) => response.BatchItemFailures.Select(f => f.ItemIdentifier).ToArray();
}
