namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>How server-side apply merges a list, as the Go types declare it with <c>+listType</c> (x-kubernetes-list-type).</summary>
internal enum ListType
{
    /// <summary>The list is owned and replaced as a whole; also what an undeclared list means.</summary>
    Atomic = 0,

    /// <summary>Scalar items merged as a set of unique values.</summary>
    Set,

    /// <summary>Object items merged by the values of their list-map keys.</summary>
    Map,
}
