namespace ServerlessDeploy.Infra.Settings;

/// <summary>A CDK context value that is missing or invalid; the message names the context key.</summary>
public sealed class InfraSettingsException : Exception
{
    public InfraSettingsException() { }
    public InfraSettingsException(string message) : base(message) { }
    public InfraSettingsException(string message, Exception inner) : base(message, inner) { }
}
