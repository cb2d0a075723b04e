using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace ServerlessDeploy.Aws.State;

/// <summary>
/// The single-table layout of the state table (key schema fixed by the CDK stack: string <c>pk</c>, string <c>sk</c>,
/// TTL attribute <c>expiresAt</c>):
/// <code>
/// APP#&lt;app&gt;   STATUS                         head: app, generation, chunks, chunk (part 0 of the status JSON)
/// APP#&lt;app&gt;   STATUS#&lt;generation&gt;#&lt;nnnn&gt;    part n ≥ 1 of that generation's status JSON
/// APP#&lt;app&gt;   HISTSEQ                        seq: the last history id handed out
/// APP#&lt;app&gt;   HISTORY#&lt;20-digit id&gt;          data: a history entry
/// APP#&lt;app&gt;   LEASE                          owner, until
/// APP#&lt;app&gt;   CURSOR                         app, version, data (the current sync cursor's JSON) or dataGzip (it gzipped, when big)
/// APPS         &lt;app&gt;                          (keys only) one per app with a status, so listing apps is one query
/// DONE#&lt;key&gt;   DONE                           until
/// MSG#&lt;id&gt;     FAILURE                        data, until
/// </code>
/// A generation is the UTC ticks of its write (19 digits) then a GUID, so a part's sort key tells when it was written.
/// </summary>
internal static class DynamoKeys
{
    public const string Pk = "pk";
    public const string Sk = "sk";

    /// <summary>Epoch seconds for DynamoDB's TTL; it deletes lazily, so readers compare <see cref="Until"/> instead.</summary>
    public const string ExpiresAt = "expiresAt";

    /// <summary>UTC ticks of an expiry, so the instant round-trips exactly and conditions compare it.</summary>
    public const string Until = "until";

    public const string App = "app";
    public const string Generation = "generation";
    public const string Chunks = "chunks";
    public const string Chunk = "chunk";
    public const string Data = "data";
    public const string Owner = "owner";
    public const string Sequence = "seq";
    public const string CursorVersion = "version";
    public const string DataGzip = "dataGzip";

    public const string StatusSk = "STATUS";

    /// <summary>The lowest part sort key of any generation; parts sort after the head (<see cref="StatusSk"/>).</summary>
    public const string FirstStatusChunk = StatusSk + "#";

    public const string HistoryPrefix = "HISTORY#";
    public const string HistorySequenceSk = "HISTSEQ";
    public const string LeaseSk = "LEASE";
    public const string CursorSk = "CURSOR";
    public const string DoneSk = "DONE";
    public const string FailureSk = "FAILURE";
    public const string AppsPk = "APPS";

    public static string AppPk(string app) => "APP#" + app;

    public static string DonePk(string key) => "DONE#" + key;

    public static string MessagePk(string messageId) => "MSG#" + messageId;

    public static string ImagePk(string image) => "IMAGE#" + image;

    public static string TagSk(string tag) => "TAG#" + tag;

    public static string StatusGeneration(DateTimeOffset writtenAt) => $"{Ticks(writtenAt)}-{Guid.NewGuid():N}";

    public static string StatusChunkPrefix(string generation) => $"{FirstStatusChunk}{generation}#";

    /// <summary>A bound above every part of the generations written before <paramref name="instant"/> and below the rest.</summary>
    public static string StatusChunksBefore(DateTimeOffset instant) => FirstStatusChunk + Ticks(instant);

    public static string StatusChunk(string generation, int index) =>
        StatusChunkPrefix(generation) + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Zero-padded so the sort key orders ids numerically.</summary>
    public static string History(long id) => HistoryPrefix + id.ToString("D20", CultureInfo.InvariantCulture);

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) =>
        new() { [Pk] = DynamoValues.S(pk), [Sk] = DynamoValues.S(sk) };

    private static string Ticks(DateTimeOffset instant) => instant.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
