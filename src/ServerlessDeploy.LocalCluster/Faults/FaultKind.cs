namespace ServerlessDeploy.LocalCluster.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Answer after a delay.</summary>
    Latency,

    /// <summary>429 TooManyRequests with a Retry-After header.</summary>
    TooManyRequests,

    /// <summary>500 InternalError.</summary>
    ServerError,

    /// <summary>Close the connection without an answer.</summary>
    DropConnection,
}
