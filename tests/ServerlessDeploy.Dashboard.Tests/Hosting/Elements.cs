using AngleSharp.Dom;
using Xunit.Sdk;

namespace ServerlessDeploy.Dashboard.Tests.Hosting;

/// <summary>Finds what a test expects on a page, failing with the selector that found nothing.</summary>
public static class Elements
{
    public static IElement Find(this IParentNode node, string selector) =>
        node.QuerySelector(selector) ?? throw new XunitException($"nothing matches {selector}");
}
