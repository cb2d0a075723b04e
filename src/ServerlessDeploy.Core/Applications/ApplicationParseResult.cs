using System.Diagnostics.CodeAnalysis;

namespace ServerlessDeploy.Core.Applications;

/// <summary>An Application read from a manifest, or every problem found in it, each naming its field.</summary>
public sealed record ApplicationParseResult(Application? Application, IReadOnlyList<string> Errors)
{
    [MemberNotNullWhen(true, nameof(Application))]
    public bool Succeeded => Application is not null && Errors.Count == 0;
}
