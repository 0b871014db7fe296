using HomeLab.Manifests.Findings;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HomeLab.Manifests.Yaml;

/// <summary>Builds nodes from YamlDotNet's parser events for one text. Single use.</summary>
internal sealed class YamlEventReader
{
    // Children of the collections being built are pushed onto these shared stacks and copied out once, at the
    // exact size, when their collection ends: no per-collection growable lists.
    private readonly List<YamlMapEntry> _entryStack = [];
    private readonly List<YamlNode> _itemStack = [];
    private readonly Dictionary<string, (YamlNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];
    private readonly string _text;
    private readonly string _file;
    private readonly YamlLoader _options;
    private readonly Parser _parser;
    private readonly SourceLines _lines;
    private readonly StringPool _pool = StringPool.Current;
    private Mark _lastEnd;
    private int _documentLine = 1;

    // Nodes read in this document, counting each alias as the nodes it stands for, and the nodes aliases added.
    private long _nodes;
    private long _aliasNodes;

    /// <summary>A reader of a text already passed through <see cref="WithEmptyLeadingBlockLines"/>.</summary>
    public YamlEventReader(string text, SourceLines lines, YamlLoader options)
    {
        _text = text;
        _file = lines.File;
        _options = options;
        _parser = new Parser(new StringReader(_text));
        _lines = lines;
    }

    private ParsingEvent Current => _parser.Current!;

    /// <summary>
    /// YamlDotNet rejects a block scalar whose first lines hold only spaces ("found extra spaces in first line",
    /// aaubry/YamlDotNet#535), which helm writes for <c>key: |</c> followed by <c>nindent</c>. YAML, helm, kubectl and
    /// PyYAML read such a line as an empty one: this empties those lines when they are no deeper than the block's first
    /// content line, which leaves every value and line number as it was.
    /// </summary>
    internal static string WithEmptyLeadingBlockLines(string text)
    {
        if (!text.Contains(" \n", StringComparison.Ordinal) && !text.Contains(" \r\n", StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (!IsBlockScalarHeader(lines[i].TrimEnd('\r')))
            {
                continue;
            }

            var first = i + 1;
            var content = first;
            while (content < lines.Length && lines[content].TrimEnd('\r').Length > 0 && string.IsNullOrWhiteSpace(lines[content]) && !lines[content].Contains('\t', StringComparison.Ordinal))
            {
                content++;
            }

            if (content == first || content >= lines.Length)
            {
                continue;
            }

            var indent = lines[content].Length - lines[content].TrimStart(' ').Length;
            for (var j = first; j < content && lines[j].TrimEnd('\r').Length <= indent; j++)
            {
                lines[j] = lines[j].EndsWith('\r') ? "\r" : string.Empty;
                changed = true;
            }

            i = content - 1;
        }

        return changed ? string.Join('\n', lines) : text;
    }

    // `key: |`, `- >-`, `key: |2+`: the last word of the line is a block scalar's header.
    private static bool IsBlockScalarHeader(string line)
    {
        var trimmed = line.TrimEnd();
        var start = trimmed.LastIndexOf(' ') + 1;
        var word = trimmed.AsSpan(start);
        if (word.Length is 0 or > 3 || word[0] is not ('|' or '>'))
        {
            return false;
        }

        foreach (var c in word[1..])
        {
            if (c is not ('-' or '+' or (>= '1' and <= '9')))
            {
                return false;
            }
        }

        return start == 0 || trimmed[..start].TrimEnd().EndsWith(':') || trimmed[..start].TrimEnd().EndsWith('-');
    }


    public YamlLoadResult Read()
    {
        var documents = new List<YamlDocument>();
        try
        {
            Next(); // StreamStart
            Next();
            var index = 0;
            while (Current is DocumentStart start)
            {
                _anchors.Clear();
                _nodes = 0;
                _aliasNodes = 0;
                _documentLine = (int)start.Start.Line;
                Next();
                var root = ReadNode(0);
                var end = Current.End;
                Next(); // DocumentEnd
                var span = Span(start.Start, end.Index > start.Start.Index ? end : _lastEnd);
                if (root is YamlScalar { IsNull: true })
                {
                    // Empty document ("---" twice, or only comments): nothing to load.
                }
                else if (_options.RequireMappings && root is not YamlMap)
                {
                    _findings.Add(new Finding(YamlRuleIds.NotAMapping, Severity.Error, $"document {index + 1} is {Describe(root)}, not a mapping of keys to values")
                    {
                        Span = root.Span,
                        Hint = "a Kubernetes manifest is a mapping that starts with apiVersion: and kind:",
                    });
                }
                else
                {
                    documents.Add(new YamlDocument(root, index, span));
                }

                index++;
            }
        }
        catch (YamlException ex)
        {
            _findings.Add(YamlErrorTranslator.Translate(ex, _text, _file, _documentLine));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unclosed flow collections.
            var at = _parser.Current?.End ?? _lastEnd;
            _findings.Add(YamlErrorTranslator.Malformed(_file, at));
        }
        catch (AliasExpansionException ex)
        {
            _findings.Add(new Finding(YamlRuleIds.AliasExpansion, Severity.Error, $"aliases expand this document to more than {ex.Nodes:N0} values")
            {
                Span = Span(ex.At, ex.At),
                Hint = "this looks like a \"billion laughs\" document; write the values out instead of nesting aliases",
            });
        }
        catch (TooDeepException ex)
        {
            _findings.Add(new Finding(YamlRuleIds.TooDeep, Severity.Error, $"mappings and lists nest more than {_options.MaxDepth} levels deep")
            {
                Span = Span(ex.At, ex.At),
                Hint = "this is not a manifest a person wrote; check what generated it",
            });
        }

        return new YamlLoadResult(_file, documents, _findings);
    }

    private YamlNode ReadNode(int depth)
    {
        switch (Current)
        {
            case Scalar scalar:
                {
                    var node = MakeScalar(scalar);
                    _lastEnd = scalar.End;
                    _nodes++;
                    Remember(scalar, node, 1);
                    Next();
                    return node;
                }

            case MappingStart start:
                return ReadMap(start, depth);
            case SequenceStart start:
                return ReadList(start, depth);
            case AnchorAlias alias:
                {
                    _lastEnd = alias.End;
                    Next();
                    if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        _nodes += target.Size;
                        _aliasNodes += target.Size;
                        if (_aliasNodes > _options.MaxAliasExpansion && _aliasNodes > 10 * (_nodes - _aliasNodes))
                        {
                            throw new AliasExpansionException(alias.Start, _options.MaxAliasExpansion);
                        }

                        return target.Node;
                    }

                    var span = Span(alias.Start, alias.End);
                    _findings.Add(new Finding(YamlRuleIds.UnknownAlias, Severity.Error, $"the alias *{alias.Value.Value} names no anchor defined before it")
                    {
                        Span = span,
                        Hint = $"define the anchor &{alias.Value.Value} earlier in the same document, or write the value out",
                    });
                    return YamlScalar.NullAt(span);
                }

            default:
                throw new YamlException(Current.Start, Current.End, $"unexpected {Current.GetType().Name}");
        }
    }

    private YamlMap ReadMap(MappingStart start, int depth)
    {
        if (depth >= _options.MaxDepth)
        {
            throw new TooDeepException(start.Start);
        }

        Next();
        var before = _nodes++;
        var first = _entryStack.Count;
        HashSet<string>? keys = null;
        List<YamlNode>? merges = null;
        while (Current is not MappingEnd)
        {
            if (Current is not Scalar keyEvent)
            {
                var complexStart = Current.Start;
                ReadNode(depth + 1);
                ReadNode(depth + 1);
                _findings.Add(new Finding(YamlRuleIds.ComplexKey, Severity.Error, "a mapping key is a list or a mapping; Kubernetes reads only text keys")
                {
                    Span = Span(complexStart, complexStart),
                    Hint = "use a plain text key; the entry was left out",
                });
                continue;
            }

            var key = _pool.Get(keyEvent.Value);
            var keyStart = (int)keyEvent.Start.Index;
            var keyEnd = (int)keyEvent.End.Index;
            Next();
            var value = ReadNode(depth + 1);
            if (key == "<<" && keyEvent.Style == ScalarStyle.Plain)
            {
                (merges ??= []).Add(value);
                continue;
            }

            var duplicate = FindDuplicate(first, key, ref keys);
            if (duplicate >= 0)
            {
                var original = _entryStack[duplicate].KeySpan;
                var keySpan = _lines.Span(keyStart, keyEnd);
                _findings.Add(new Finding(YamlRuleIds.DuplicateKey, Severity.Error, $"the key '{key}' appears twice in one mapping: on line {original.Line} and again on line {keySpan.Line}")
                {
                    Span = keySpan,
                    Hint = $"remove one of them; only the first (line {original.Line}) is kept",
                });
                continue;
            }

            // A key's offsets are read in its value's text; an unknown alias's null stands apart, so its key keeps a span.
            _entryStack.Add(ReferenceEquals(value.Origin, _lines) ? new YamlMapEntry(key, keyStart, keyEnd, value) : new YamlMapEntry(key, _lines.Span(keyStart, keyEnd), value));
        }

        if (merges is not null)
        {
            ApplyMerges(first, merges, ref keys);
        }

        var end = start.Style == MappingStyle.Flow ? Current.End : _lastEnd;
        _lastEnd = end;
        var entries = YamlEventReader.Pop(_entryStack, first);
        var map = new YamlMap(entries, _lines, (int)start.Start.Index, (int)end.Index);
        Remember(start, map, _nodes - before);
        Next();
        return map;
    }

    private YamlList ReadList(SequenceStart start, int depth)
    {
        if (depth >= _options.MaxDepth)
        {
            throw new TooDeepException(start.Start);
        }

        Next();
        var before = _nodes++;
        var first = _itemStack.Count;
        while (Current is not SequenceEnd)
        {
            _itemStack.Add(ReadNode(depth + 1));
        }

        var end = start.Style == SequenceStyle.Flow ? Current.End : _lastEnd;
        _lastEnd = end;
        var items = YamlEventReader.Pop(_itemStack, first);
        var list = new YamlList(items, _lines, (int)start.Start.Index, (int)end.Index);
        Remember(start, list, _nodes - before);
        Next();
        return list;
    }

    /// <summary>The children pushed since <paramref name="first"/>, taken off the shared stack at their exact size.</summary>
    internal static T[] Pop<T>(List<T> stack, int first)
    {
        var children = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stack)[first..].ToArray();
        stack.RemoveRange(first, children.Length);
        return children;
    }

    private int FindDuplicate(int first, string key, ref HashSet<string>? keys) => IndexOfKey(_entryStack, first, key, ref keys);

    /// <summary>
    /// Where a key already is among the entries pushed since <paramref name="first"/>, or -1; past 16 entries a set of
    /// the keys is kept in <paramref name="keys"/> (and the key added to it), so a large mapping is not quadratic.
    /// </summary>
    internal static int IndexOfKey(List<YamlMapEntry> entries, int first, string key, ref HashSet<string>? keys)
    {
        if (entries.Count - first > 16 && keys is null)
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = first; i < entries.Count; i++)
            {
                keys.Add(entries[i].Key);
            }
        }

        if (keys is not null && keys.Add(key))
        {
            return -1;
        }

        for (var i = first; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    // YAML merge keys: explicit keys win, then earlier merge sources win over later ones.
    private void ApplyMerges(int first, List<YamlNode> merges, ref HashSet<string>? keys)
    {
        foreach (var merge in merges)
        {
            IEnumerable<YamlNode> sources = merge is YamlList list ? list.Items : [merge];
            foreach (var source in sources)
            {
                if (source is not YamlMap map)
                {
                    _findings.Add(new Finding(YamlRuleIds.Syntax, Severity.Error, "a merge key (<<) must refer to a mapping or a list of mappings")
                    {
                        Span = source.Span,
                        Hint = "point << at an anchored mapping, such as <<: *defaults",
                    });
                    continue;
                }

                foreach (var entry in map.Entries)
                {
                    if (FindDuplicate(first, entry.Key, ref keys) < 0)
                    {
                        _entryStack.Add(entry);
                    }
                }
            }
        }
    }

    private YamlScalar MakeScalar(Scalar scalar)
    {
        var style = scalar.Style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal => YamlScalarStyle.Literal,
            ScalarStyle.Folded => YamlScalarStyle.Folded,
            _ => YamlScalarStyle.Plain,
        };
        var kind = scalar.Tag.IsEmpty
            ? style == YamlScalarStyle.Plain ? YamlScalar.Resolve(scalar.Value) : YamlScalarKind.String
            : KindOfTag(scalar.Tag.Value, scalar.Value, style);
        return new YamlScalar(_pool.Get(scalar.Value), style, kind, _lines, (int)scalar.Start.Index, (int)scalar.End.Index);
    }

    private static YamlScalarKind KindOfTag(string tag, string value, YamlScalarStyle style) => tag switch
    {
        "tag:yaml.org,2002:str" => YamlScalarKind.String,
        "tag:yaml.org,2002:null" => YamlScalarKind.Null,
        "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" => YamlScalar.Resolve(value) is var kind && kind != YamlScalarKind.String ? kind : YamlScalarKind.String,
        _ => style == YamlScalarStyle.Plain && tag != "!" ? YamlScalar.Resolve(value) : YamlScalarKind.String,
    };

    private void Remember(NodeEvent node, YamlNode value, long size)
    {
        if (!node.Anchor.IsEmpty)
        {
            _anchors[node.Anchor.Value] = (value, size);
        }
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlList => "a list",
        YamlScalar scalar => $"the plain value '{Shorten(scalar.Value)}'",
        _ => "a value",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private void Next()
    {
        if (!_parser.MoveNext())
        {
            throw new YamlException(_lastEnd, _lastEnd, "unexpected end of stream");
        }
    }

    private SourceSpan Span(Mark start, Mark end) => new(_file, (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

    private sealed class TooDeepException(Mark at) : Exception
    {
        public Mark At { get; } = at;
    }

    private sealed class AliasExpansionException(Mark at, long nodes) : Exception
    {
        public Mark At { get; } = at;

        public long Nodes { get; } = nodes;
    }
}
