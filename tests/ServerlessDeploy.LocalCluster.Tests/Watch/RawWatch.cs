using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Tests.Harness;

namespace ServerlessDeploy.LocalCluster.Tests.Watch;

/// <summary>
/// A watch read over plain HTTP, one JSON event per line. Opening it returns once the server answered the headers,
/// which it does after subscribing, so every write after <see cref="OpenAsync"/> is seen.
/// </summary>
internal sealed class RawWatch : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private RawWatch(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<RawWatch> OpenAsync(HttpClient http, string pathAndQuery)
    {
        var response = await http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new RawWatch(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>Reads events up to and including the first that matches, failing after <see cref="TestCluster.Patience"/>.</summary>
    public async Task<List<WatchEventLine>> ReadUntilAsync(Func<WatchEventLine, bool> last)
    {
        using var patience = new CancellationTokenSource(TestCluster.Patience);
        var events = new List<WatchEventLine>();
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"the awaited watch event did not come within {TestCluster.Patience}; seen: {string.Join(", ", events)}");
            }

            if (line is null)
            {
                throw new Xunit.Sdk.XunitException($"the watch ended before the awaited event; seen: {string.Join(", ", events)}");
            }

            var json = JsonNode.Parse(line)!.AsObject();
            var next = new WatchEventLine(json["type"]!.GetValue<string>(), json["object"]!.AsObject());
            events.Add(next);
            if (last(next))
            {
                return events;
            }
        }
    }

    /// <summary>Reads until the server ends the stream, failing after <see cref="TestCluster.Patience"/>.</summary>
    public async Task<string> ReadToEndAsync()
    {
        using var patience = new CancellationTokenSource(TestCluster.Patience);
        return await _reader.ReadToEndAsync(patience.Token);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
