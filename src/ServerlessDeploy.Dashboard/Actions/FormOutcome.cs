using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Dashboard.Actions;

/// <summary>What an action's form came to: the request to submit, or the one problem that names what is wrong with it.</summary>
internal sealed record FormOutcome(Trigger? Request, string Problem)
{
    public static FormOutcome Ready(Trigger request) => new(request, "");

    public static FormOutcome Bad(string problem) => new(null, problem);
}
