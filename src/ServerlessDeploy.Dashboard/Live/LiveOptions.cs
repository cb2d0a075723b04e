namespace ServerlessDeploy.Dashboard.Live;

/// <summary>
/// How the live stream watches the state: how often it reads the app (a modest poll of the read port, which any store
/// answers, local or DynamoDB), and after how long without news it sends a heartbeat so proxies keep the stream open.
/// </summary>
public sealed record LiveOptions(TimeSpan PollInterval, TimeSpan Heartbeat)
{
    public static LiveOptions Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
}
