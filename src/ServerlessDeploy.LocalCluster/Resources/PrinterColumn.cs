namespace ServerlessDeploy.LocalCluster.Resources;

/// <summary>One additionalPrinterColumns entry of a CRD version: a column `kubectl get` shows, read from each object at a JSONPath.</summary>
/// <param name="Type">The OpenAPI type: integer, number, boolean, string or date.</param>
internal sealed record PrinterColumn(string Name, string Type, string Format, string Description, int Priority, string JsonPath);
