namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>An event that is not the shape the handler expects; the message names what is missing or wrong.</summary>
public sealed class LambdaEventFormatException : Exception
{
    public LambdaEventFormatException()
    {
    }

    public LambdaEventFormatException(string message)
        : base(message)
    {
    }

    public LambdaEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
