namespace ServerlessDeploy.Dashboard.Ports;

/// <summary>What became of a submitted action: accepted, or refused with why (the pipeline is not configured, naming what is missing).</summary>
public sealed record ActionReceipt(bool Accepted, string Problem)
{
    public static ActionReceipt Taken { get; } = new(true, "");

    public static ActionReceipt Refused(string problem) => new(false, problem);
}
