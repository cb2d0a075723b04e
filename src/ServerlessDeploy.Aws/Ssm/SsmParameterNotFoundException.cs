namespace ServerlessDeploy.Aws.Ssm;

/// <summary>The SSM parameter a secret is read from does not exist (or is not visible to this role).</summary>
internal sealed class SsmParameterNotFoundException(string parameterName, Exception innerException)
    : Exception($"SSM parameter \"{parameterName}\" does not exist; create it as a SecureString or fix the configured name", innerException)
{
    public string ParameterName { get; } = parameterName;
}
