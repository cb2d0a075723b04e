namespace ServerlessDeploy.Infra.Bundling;

/// <summary>
/// The functions could not be published or the kubectl/helm layer installed; the message names the command that
/// failed and ends with the tail of its output.
/// </summary>
public sealed class BundlingException : Exception
{
    public BundlingException() { }
    public BundlingException(string message) : base(message) { }
    public BundlingException(string message, Exception inner) : base(message, inner) { }
}
