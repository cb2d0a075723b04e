using System.Text.Json;
using ServerlessDeploy.Testing.RuntimeApi;

namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>Reads what the function posted to the Runtime API.</summary>
internal static class RecordedPostExtensions
{
    /// <summary>The errorMessage of an invocation or init error post.</summary>
    public static string ErrorMessage(this RecordedPost post)
    {
        using var error = JsonDocument.Parse(post.Body);
        return error.RootElement.GetProperty("errorMessage").GetString()!;
    }
}
