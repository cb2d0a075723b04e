namespace ServerlessDeploy.Functions.CodePipeline;

/// <summary>The job's input artifact cannot be deployed (missing, not a zip, or an entry outside its folder); the message says which.</summary>
internal sealed class InvalidArtifactException : Exception
{
    public InvalidArtifactException()
    {
    }

    public InvalidArtifactException(string message)
        : base(message)
    {
    }

    public InvalidArtifactException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
