namespace ServerlessDeploy.Pipeline.Config;

/// <summary>What makes <see cref="PipelineSettings"/> usable: a config repository, a branch, paths inside the
/// repository, and times that leave room to work.</summary>
internal static class PipelineSettingsRules
{
    public static IReadOnlyList<string> Problems(PipelineSettings settings)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.ConfigRepoUrl))
        {
            problems.Add("the config repository URL is empty");
        }

        if (string.IsNullOrWhiteSpace(settings.ConfigBranch))
        {
            problems.Add("the config branch is empty");
        }

        AddPathProblem(problems, "apps path", settings.AppsPath);
        AddPathProblem(problems, "projects path", settings.ProjectsPath);
        AddPositive(problems, "lease duration", settings.LeaseDuration);
        AddPositive(problems, "health timeout", settings.HealthTimeout);
        AddPositive(problems, "idempotency window", settings.IdempotencyWindow);
        AddNotNegative(problems, "deadline margin", settings.DeadlineMargin);
        AddNotNegative(problems, "continue-after interval", settings.ContinueAfter);
        if (settings.AppsPerComparePass < 1)
        {
            problems.Add($"the apps per compare pass {settings.AppsPerComparePass} is not at least 1");
        }

        if (!Enum.IsDefined(settings.ReconcileFanOut))
        {
            problems.Add($"the reconcile fan-out {(int)settings.ReconcileFanOut} is not one of {string.Join(", ", Enum.GetNames<ReconcileFanOut>())}");
        }

        return problems;
    }

    /// <summary>Zero is allowed: no margin kept back, or a health gate looked at again at once.</summary>
    private static void AddNotNegative(List<string> problems, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            problems.Add($"the {name} {value} is negative");
        }
    }

    private static void AddPositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"the {name} {value} is not positive");
        }
    }

    /// <summary>A path in the config repository must be given, relative, and never climb out of the repository with "..".</summary>
    private static void AddPathProblem(List<string> problems, string name, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"the {name} is empty");
        }
        else if (Path.IsPathRooted(path) || path.StartsWith('/') || path.StartsWith('\\') || Climbs(path))
        {
            problems.Add($"the {name} '{path}' leaves the config repository");
        }
    }

    private static bool Climbs(string path)
    {
        var depth = 0;
        foreach (var segment in path.Split('/', '\\'))
        {
            depth += segment switch
            {
                ".." => -1,
                "" or "." => 0,
                _ => 1,
            };
            if (depth < 0)
            {
                return true;
            }
        }

        return false;
    }
}
