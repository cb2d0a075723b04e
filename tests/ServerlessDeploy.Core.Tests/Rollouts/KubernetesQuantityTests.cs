using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Tests.Rollouts;

/// <summary>Canonical forms as documented on resource.Quantity, with the quirks of Go's parser: text its fast path finds canonical is kept as written (<c>1E6</c>, <c>+1</c>), and a bare suffix is zero.</summary>
public class KubernetesQuantityTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("00", "0")]
    [InlineData("0.5", "500m")]
    [InlineData("500m", "500m")]
    [InlineData("2000m", "2")]
    [InlineData("0.15", "150m")]
    [InlineData("1000", "1k")]
    [InlineData("1500", "1500")]
    [InlineData("1.5", "1500m")]
    [InlineData("1Gi", "1Gi")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("1536Ki", "1536Ki")]
    [InlineData("512Ki", "512Ki")]
    [InlineData("8192M", "8192M")]
    [InlineData("1e3", "1e3")]
    [InlineData("1E6", "1E6")]
    [InlineData("1E5", "100e3")]
    [InlineData("Gi", "0")]
    [InlineData("10e2", "1e3")]
    [InlineData("0.1m", "100u")]
    [InlineData("1n", "1n")]
    [InlineData("0.0000000001", "1n")]
    [InlineData("-1.5", "-1500m")]
    [InlineData("+1", "+1")]
    [InlineData("01", "01")]
    [InlineData(" 100m ", "100m")]
    public void Go_writes_quantities_back_in_this_form(string text, string canonical) =>
        Assert.Equal(canonical, KubernetesQuantity.Canonical(text));

    [Theory]
    [InlineData("")]
    [InlineData("1Q")]
    [InlineData("1.5.5")]
    [InlineData("1e")]
    public void Go_refuses_these(string text) => Assert.Null(KubernetesQuantity.Canonical(text));
}
