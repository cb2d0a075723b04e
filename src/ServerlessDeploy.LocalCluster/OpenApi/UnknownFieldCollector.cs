using System.Globalization;
using System.Text;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// Tracks the field path of a walk and records unknown fields with kube-apiserver's path syntax:
/// object fields and map keys joined by dots, array items as [index] (spec.template.spec.containers[0].imagee).
/// The path lives in one buffer that is cut back on the way out, so a walk without unknown fields builds no strings.
/// </summary>
internal sealed class UnknownFieldCollector
{
    // kube-apiserver's strict decoder stops collecting after 100 errors; one bad document cannot grow the answer without bound.
    public const int Limit = 100;

    private readonly StringBuilder _path = new();
    private readonly List<string> _paths = [];

    public IReadOnlyList<string> Paths => _paths;

    public bool IsFull => _paths.Count >= Limit;

    /// <summary>Steps into a field or map key; returns the mark to hand back to <see cref="Leave"/>.</summary>
    public int Enter(string field)
    {
        var mark = _path.Length;
        if (mark > 0)
        {
            _path.Append('.');
        }

        _path.Append(field);
        return mark;
    }

    /// <summary>Steps into an array item.</summary>
    public int EnterIndex(int index)
    {
        var mark = _path.Length;
        _path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
        return mark;
    }

    public void Leave(int mark) => _path.Length = mark;

    /// <summary>Records an unknown field found in the object at the current path.</summary>
    public void Report(string field)
    {
        if (!IsFull)
        {
            _paths.Add(_path.Length == 0 ? field : $"{_path}.{field}");
        }
    }
}
