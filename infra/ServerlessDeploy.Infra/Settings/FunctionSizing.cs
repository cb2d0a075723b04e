namespace ServerlessDeploy.Infra.Settings;

/// <summary>Memory, timeout and reserved concurrency of one function, read from <c>&lt;function&gt;MemoryMb</c>, <c>…TimeoutSeconds</c>, <c>…ReservedConcurrency</c>.</summary>
public sealed record FunctionSizing(int MemoryMb, int TimeoutSeconds, int ReservedConcurrency)
{
    public static string MemoryKey(string function) => InfraSettings.Prefix + function + "MemoryMb";
    public static string TimeoutKey(string function) => InfraSettings.Prefix + function + "TimeoutSeconds";
    public static string ConcurrencyKey(string function) => InfraSettings.Prefix + function + "ReservedConcurrency";

    internal static FunctionSizing Read(ContextReader context, string function, FunctionSizing defaults) => new(
        context.Int(MemoryKey(function), 128, 10240, "whole megabytes from 128 to 10240", defaults.MemoryMb),
        context.Int(TimeoutKey(function), 1, 900, "whole seconds from 1 to 900 (the Lambda limit)", defaults.TimeoutSeconds),
        context.Int(ConcurrencyKey(function), 1, 1000, "a reserved concurrency from 1 to 1000", defaults.ReservedConcurrency));
}
