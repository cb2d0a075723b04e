using System.Text;

namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>The JSON samples next to the test assembly (testdata/ and the repository's events/).</summary>
internal static class TestData
{
    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, relativePath));

    public static string Text(string relativePath) => Encoding.UTF8.GetString(Bytes(relativePath));
}
