using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>
/// Reads YAML into <see cref="SpanNode"/>s from the parser's events, so an editor can splice a value in place
/// and keep every comment, quote and line ending around it (a round-trip through a serializer would lose them).
/// </summary>
internal sealed class SpanTree
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];
    private readonly Parser _parser;

    private SpanTree(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }

        _parser = new Parser(new StringReader(text));
    }

    /// <summary>The root node of every document (an empty document is an empty scalar).</summary>
    /// <exception cref="FormatException">Invalid YAML; the message names <paramref name="source"/>, the line and the column.</exception>
    public static IReadOnlyList<SpanNode> Parse(string text, string source)
    {
        try
        {
            return new SpanTree(text).Documents();
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {(e.InnerException ?? e).Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections.
            throw new FormatException($"{source}: invalid YAML: the parser stopped unexpectedly; look for an unclosed '[', '{{' or quote", e);
        }
    }

    private List<SpanNode> Documents()
    {
        var documents = new List<SpanNode>();
        _parser.Consume<StreamStart>();
        while (_parser.TryConsume<DocumentStart>(out _))
        {
            documents.Add(Node());
            _parser.Consume<DocumentEnd>();
        }

        _parser.Consume<StreamEnd>();
        return documents;
    }

    private SpanNode Node()
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        _parser.MoveNext();
        return current switch
        {
            Scalar scalar => Scalar(scalar),
            AnchorAlias alias => new SpanAlias((int)alias.Start.Index, (int)alias.End.Index, Line((int)alias.Start.Index), Column((int)alias.Start.Index)),
            MappingStart start => Mapping(start),
            SequenceStart start => Sequence(start),
            _ => throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}"),
        };
    }

    private SpanScalar Scalar(Scalar scalar)
    {
        var start = SkipProperties((int)scalar.Start.Index);
        var end = Math.Max(start, (int)scalar.End.Index);
        // A block scalar's span runs over the blank lines after it; its content ends at its last visible character.
        var contentEnd = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded ? _text.AsSpan(start, end - start).TrimEnd().Length + start : end;
        return new SpanScalar(scalar.Value, scalar.Style, start, end, contentEnd, Line(start), Column(start));
    }

    private SpanMapping Mapping(MappingStart start)
    {
        var entries = new List<SpanEntry>();
        while (!_parser.Accept<MappingEnd>(out _))
        {
            entries.Add(new SpanEntry(Node(), Node()));
        }

        var end = _parser.Consume<MappingEnd>();

        var flow = start.Style == MappingStyle.Flow;
        var first = entries.Count > 0 && !flow ? entries[0].Key.Start : (int)start.Start.Index;
        var contentEnd = flow || entries.Count == 0 ? (int)end.End.Index : entries[^1].Value.ContentEnd;
        return new SpanMapping(entries, flow, first, (int)end.End.Index, contentEnd, Line(first), Column(first));
    }

    private SpanSequence Sequence(SequenceStart start)
    {
        var items = new List<SpanNode>();
        while (!_parser.Accept<SequenceEnd>(out _))
        {
            items.Add(Node());
        }

        var end = _parser.Consume<SequenceEnd>();

        var flow = start.Style == SequenceStyle.Flow;
        // A block sequence starts at the dash before its first item.
        var first = items.Count > 0 && !flow ? _text.LastIndexOf('-', items[0].Start - 1) : (int)start.Start.Index;
        var contentEnd = flow || items.Count == 0 ? (int)end.End.Index : items[^1].ContentEnd;
        return new SpanSequence(items, flow, first, (int)end.End.Index, contentEnd, Line(first), Column(first));
    }

    /// <summary>The event of a node with an anchor or tag starts at them; the value starts after.</summary>
    private int SkipProperties(int index)
    {
        while (index < _text.Length && _text[index] is '&' or '!')
        {
            while (index < _text.Length && !char.IsWhiteSpace(_text[index]))
            {
                index++;
            }

            while (index < _text.Length && char.IsWhiteSpace(_text[index]))
            {
                index++;
            }
        }

        return index;
    }

    private int Line(int index)
    {
        var found = _lineStarts.BinarySearch(index);
        return (found >= 0 ? found : ~found - 1) + 1;
    }

    private int Column(int index) => index - _lineStarts[Line(index) - 1];
}
