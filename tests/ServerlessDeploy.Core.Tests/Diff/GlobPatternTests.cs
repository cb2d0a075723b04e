using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Core.Tests.Diff;

/// <summary>ignoreDifferences group and kind match as Argo CD's glob does: '*' is any text, not a literal star.</summary>
public class GlobPatternTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "apps", true)]
    [InlineData("*", "Deployment", true)]
    [InlineData("apps", "apps", true)]
    [InlineData("apps", "batch", false)]
    [InlineData("*.k8s.io", "networking.k8s.io", true)]
    [InlineData("*.k8s.io", "apps", false)]
    [InlineData("Deploy?ent", "Deployment", true)]
    [InlineData("{Deployment,StatefulSet}", "StatefulSet", true)]
    [InlineData("{Deployment,StatefulSet}", "DaemonSet", false)]
    [InlineData("[CS]ecret", "Secret", true)]
    [InlineData("[!CS]ecret", "Secret", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("\\*", "*", true)]
    [InlineData("\\*", "apps", false)]
    public void Matches_as_Argo_CDs_glob(string pattern, string value, bool matches) =>
        Assert.Equal(matches, GlobPattern.Matches(pattern, value));
}
