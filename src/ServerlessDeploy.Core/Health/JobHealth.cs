using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// batch/Job, as gitops-engine reads its conditions (whatever their status, except Suspended): Progressing until a
/// Failed, Complete or Suspended condition appears; then Degraded if it failed, Suspended if suspended, else Healthy.
/// The message is the failure's, else the last Complete or Suspended condition's.
/// </summary>
internal static class JobHealth
{
    public static HealthResult Assess(JsonObject job)
    {
        var (failed, complete, suspended) = (false, false, false);
        var (failure, message) = ("", "");
        foreach (var condition in LiveFields.Objects(job["status"]?["conditions"]))
        {
            switch (LiveFields.String(condition["type"]))
            {
                case "Failed":
                    (failed, complete, failure) = (true, true, LiveFields.String(condition["message"]) ?? "");
                    break;
                case "Complete":
                    (complete, message) = (true, LiveFields.String(condition["message"]) ?? "");
                    break;
                case "Suspended":
                    (complete, message) = (true, LiveFields.String(condition["message"]) ?? "");
                    suspended |= LiveFields.String(condition["status"]) == "True";
                    break;
            }
        }

        return (complete, failed, suspended) switch
        {
            (false, _, _) => HealthResult.Progressing(message),
            (_, true, _) => HealthResult.Degraded(failure),
            (_, _, true) => HealthResult.Suspended(message),
            _ => HealthResult.Healthy(message),
        };
    }
}
