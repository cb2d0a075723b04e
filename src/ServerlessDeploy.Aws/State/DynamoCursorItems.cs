using System.IO.Compression;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ServerlessDeploy.Core.Sync.Cursor;
using static ServerlessDeploy.Aws.State.DynamoKeys;

namespace ServerlessDeploy.Aws.State;

/// <summary>
/// The apps' current sync cursors, one item per app (<c>APP#&lt;app&gt;</c> / <c>CURSOR</c>), each written with one conditional
/// put on its <c>version</c> attribute. A cursor holds step descriptors, not resources: under 200 bytes of JSON per step and
/// at most three steps per (phase, wave), so a usual plan's cursor is a few kilobytes and stays a readable string. Every
/// step change rewrites the item, and DynamoDB bills a write unit per kilobyte, so past <see cref="InlineBytes"/> the JSON
/// is stored gzipped: it shrinks about twentyfold (9,000 steps, 1.7 MB of JSON, take about 80 KB), which leaves room
/// for some 35,000 steps. A cursor that even so would not fit in an item is refused by name before anything is written.
/// </summary>
internal sealed class DynamoCursorItems(IAmazonDynamoDB dynamo, string table)
{
    /// <summary>JSON up to this size stays a string attribute, so the DynamoDB console shows it as it is.</summary>
    internal const int InlineBytes = 32 * 1024;

    /// <summary>The most a stored cursor may take, leaving room under the 400 KB item limit for the keys and the other attributes.</summary>
    internal const int MaxStoredBytes = 350_000;

    public async Task<SyncCursor?> GetAsync(string app, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(
            new GetItemRequest { TableName = table, Key = Key(AppPk(app), CursorSk), ConsistentRead = true },
            cancellationToken);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        return SyncCursorJson.Deserialize(item.ContainsKey(DataGzip) ? Gunzip(DynamoValues.Bytes(item, DataGzip)) : DynamoValues.String(item, Data));
    }

    public async Task<bool> TryPutAsync(SyncCursor cursor, long? expectedVersion, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest { TableName = table, Item = Item(cursor) };
        if (expectedVersion is { } expected)
        {
            request.ConditionExpression = "#version = :expected";
            request.ExpressionAttributeNames = new() { ["#version"] = CursorVersion };
            request.ExpressionAttributeValues = new() { [":expected"] = DynamoValues.N(expected) };
        }
        else
        {
            request.ConditionExpression = "attribute_not_exists(#pk)";
            request.ExpressionAttributeNames = new() { ["#pk"] = Pk };
        }

        try
        {
            await dynamo.PutItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static Dictionary<string, AttributeValue> Item(SyncCursor cursor)
    {
        var item = Key(AppPk(cursor.App), CursorSk);
        item[App] = DynamoValues.S(cursor.App);
        item[CursorVersion] = DynamoValues.N(cursor.Version);
        var json = SyncCursorJson.Serialize(cursor);
        if (Encoding.UTF8.GetByteCount(json) <= InlineBytes)
        {
            item[Data] = DynamoValues.S(json);
            return item;
        }

        var zipped = Gzip(json);
        if (zipped.Length > MaxStoredBytes)
        {
            throw new InvalidDataException(
                $"The sync cursor of app '{cursor.App}' ({cursor.Steps.Count} steps) takes {zipped.Length} bytes gzipped, "
                + $"over the {MaxStoredBytes} a DynamoDB item can hold beside its keys.");
        }

        item[DataGzip] = DynamoValues.B(zipped);
        return item;
    }

    private static byte[] Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }

    private static string Gunzip(byte[] zipped)
    {
        using var gzip = new GZipStream(new MemoryStream(zipped, writable: false), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
