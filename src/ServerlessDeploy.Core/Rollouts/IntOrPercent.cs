namespace ServerlessDeploy.Core.Rollouts;

/// <summary>A Kubernetes IntOrString that counts replicas: an absolute number, or a percentage ("25%") of a total.</summary>
internal sealed record IntOrPercent(int Value, bool IsPercent)
{
    public static IntOrPercent Number(int value) => new(value, false);

    public static IntOrPercent Percent(int value) => new(value, true);

    public bool IsZero => Value == 0;

    public override string ToString() => IsPercent ? $"{Value}%" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
