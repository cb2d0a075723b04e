namespace ServerlessDeploy.Functions.Settings;

/// <summary>The function cannot start: its configuration is missing or wrong. The message names every variable at fault.</summary>
internal sealed class FunctionSettingsException : Exception
{
    public FunctionSettingsException()
    {
    }

    public FunctionSettingsException(string message)
        : base(message)
    {
    }

    public FunctionSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
