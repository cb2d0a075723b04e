namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>What the app list's URL query reads as: the filters, or the one parameter that holds no valid value.</summary>
public abstract record AppListQueryReading
{
    private AppListQueryReading()
    {
    }

    public sealed record Valid(AppListQuery Query) : AppListQueryReading;

    /// <param name="Parameter">The parameter's name as the URL gives it.</param>
    /// <param name="Problem">What is wrong with it and what it takes, in a sentence.</param>
    public sealed record Invalid(string Parameter, string Problem) : AppListQueryReading;
}
