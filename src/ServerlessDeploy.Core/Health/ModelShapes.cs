using System.Collections.Frozen;

namespace ServerlessDeploy.Core.Health;

/// <summary><see cref="ModelShapeTable"/> read into a lookup: model → JSON field name → shape.</summary>
internal static class ModelShapes
{
    /// <summary>Read on first use, so a run that assesses nothing a shape is checked for does not pay for it.</summary>
    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, FieldShape>>> Table = new(Read);

    /// <summary>The fields of a model the table lists.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such model: a rule names one it does not list.</exception>
    public static FrozenDictionary<string, FieldShape> Of(string model) => Table.Value[model];

    private static FrozenDictionary<string, FrozenDictionary<string, FieldShape>> Read()
    {
        var models = new Dictionary<string, FrozenDictionary<string, FieldShape>>(StringComparer.Ordinal);
        var (model, fields) = ("", new Dictionary<string, FieldShape>(StringComparer.Ordinal));
        foreach (var line in ModelShapeTable.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line[0] != ' ')
            {
                Add();
                (model, fields) = (line.Trim(), new Dictionary<string, FieldShape>(StringComparer.Ordinal));
                continue;
            }

            var field = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            fields[field[0]] = FieldShape.Parse(field[1]);
        }

        Add();
        return models.ToFrozenDictionary(StringComparer.Ordinal);

        void Add()
        {
            if (model.Length > 0)
            {
                models[model] = fields.ToFrozenDictionary(StringComparer.Ordinal);
            }
        }
    }
}
