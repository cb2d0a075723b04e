using System.Text;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.Tests.Events;

public sealed class SqsEventTests
{
    [Fact]
    public void A_standard_queue_event_reads_every_record_with_its_attributes()
    {
        var batch = SqsEvent.Parse(TestData.Bytes("testdata/sqs-standard.json"));

        Assert.False(batch.IsFromFifoQueue);
        Assert.Equal(["059f36b4-87a3-44ab-83d2-661975830a7d", "2e1424d4-f796-459a-8184-9c92662be6da"], batch.Records.Select(r => r.MessageId));
        var second = batch.Records[1];
        Assert.Equal("AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq...", second.ReceiptHandle);
        Assert.Equal("Test message.", second.Body);
        Assert.Equal("arn:aws:sqs:us-east-2:123456789012:my-queue", second.EventSourceArn);
        Assert.Equal(3, second.Attributes.ApproximateReceiveCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1545082650636), second.Attributes.SentAt);
        Assert.Null(second.Attributes.MessageGroupId);
        Assert.Null(second.Attributes.MessageDeduplicationId);
    }

    [Fact]
    public void A_fifo_queue_event_carries_group_and_deduplication_ids()
    {
        var batch = SqsEvent.Parse(TestData.Bytes("testdata/sqs-fifo.json"));

        Assert.True(batch.IsFromFifoQueue);
        var record = Assert.Single(batch.Records);
        Assert.True(record.IsFromFifoQueue);
        Assert.Equal("1", record.Attributes.MessageGroupId);
        Assert.Equal("1", record.Attributes.MessageDeduplicationId);
        Assert.Equal("18849496460467696128", record.Attributes.SequenceNumber);
        Assert.Equal(1, record.Attributes.ApproximateReceiveCount);
        Assert.Equal(1573251510774, record.Attributes.SentTimestamp);
    }

    [Fact]
    public void A_function_url_request_is_not_an_sqs_event_and_the_error_names_the_records()
    {
        var error = Assert.Throws<LambdaEventFormatException>(() => SqsEvent.Parse(TestData.Bytes("testdata/function-url.json")));

        Assert.Contains("not an SQS event", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Records'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("messageId")]
    [InlineData("receiptHandle")]
    [InlineData("body")]
    [InlineData("eventSourceARN")]
    [InlineData("attributes")]
    public void A_record_without_a_required_field_names_that_field(string field)
    {
        var json = TestData.Text("testdata/sqs-fifo.json");
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        node["Records"]![0]!.AsObject().Remove(field);

        var error = Assert.Throws<LambdaEventFormatException>(() => SqsEvent.Parse(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.Records[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_body_is_refused_by_name()
    {
        var json = TestData.Text("testdata/sqs-standard.json").Replace("\"body\": \"Test message.\"", "\"body\": null", StringComparison.Ordinal);

        var error = Assert.Throws<LambdaEventFormatException>(() => SqsEvent.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("body", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("not json")]
    [InlineData("[]")]
    public void Something_that_is_not_an_event_object_is_one_clear_error(string json)
    {
        var error = Assert.Throws<LambdaEventFormatException>(() => SqsEvent.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith("The event is not an SQS event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_batch_response_has_the_shape_lambda_reads()
    {
        var response = new SqsBatchResponse([new SqsBatchItemFailure("a"), new SqsBatchItemFailure("b")]);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"a"},{"itemIdentifier":"b"}]}""", Encoding.UTF8.GetString(response.ToJson()));
        Assert.Equal("""{"batchItemFailures":[]}""", Encoding.UTF8.GetString(new SqsBatchResponse([]).ToJson()));
    }
}
