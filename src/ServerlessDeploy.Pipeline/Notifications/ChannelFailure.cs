namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>A channel a notice could not be sent to, with the error it gave.</summary>
internal sealed record ChannelFailure(string Channel, string Error)
{
    public override string ToString() => $"{Channel}: {Error}";
}
