using System.Text.Json.Nodes;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>A resource's desired and live objects with any Secret values hidden (see <see cref="SecretMask"/>).</summary>
public sealed record MaskedPair(JsonObject? Desired, JsonObject? Live);
