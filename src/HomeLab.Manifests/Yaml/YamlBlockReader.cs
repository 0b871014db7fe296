using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace HomeLab.Manifests.Yaml;

/// <summary>
/// Reads the YAML that manifests are made of — block mappings and sequences, plain, quoted and block scalars, flow
/// collections, comments and <c>---</c> — straight from the text into nodes, several times faster than the full
/// reader. Anything else (anchors, tags, complex keys, directives, CR line breaks, tabs in indentation) and every
/// mistake make it give up, and the full reader (<see cref="YamlEventReader"/>) reads the text again: so its nodes,
/// positions included, are always those the full reader would build, and every finding comes from the full reader.
/// </summary>
internal sealed class YamlBlockReader
{
    // Texts holding these are left to the full reader: other line breaks, and a byte order mark inside the text.
    private static readonly SearchValues<char> Unsupported = SearchValues.Create("\r\u0085\u2028\u2029\uFEFF");

    // Characters that cannot start a plain scalar (YAML 1.1's indicators); '-', '?' and ':' can when a non-blank follows.
    private static readonly SearchValues<char> Indicators = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");
    private static readonly SearchValues<char> FlowEnds = SearchValues.Create(",[]{}");

    private readonly string _text;
    private readonly SourceLines _lines;
    private readonly StringPool _pool;
    private readonly int _maxDepth;
    private readonly List<YamlMapEntry> _entries = [];

    // Every map's entries, side by side in the order the maps end; the block gets them as one array at the end.
    private readonly List<YamlMapEntry> _mapEntries = [];
    private readonly MapEntryBlock _block = new();
    private readonly List<YamlNode> _items = [];
    private readonly StringBuilder _builder = new();
    private int _p;
    private int _lineStart;
    private int _lastEnd;

    private YamlBlockReader(string text, SourceLines lines, StringPool pool, int maxDepth)
    {
        _text = text;
        _lines = lines;
        _pool = pool;
        _maxDepth = maxDepth;
    }

    private int Column => _p - _lineStart;

    private char At => _p < _text.Length ? _text[_p] : '\0';

    private bool AtEnd => _p >= _text.Length;

    /// <summary>Reads the documents of a text whose documents are all mappings, or gives up.</summary>
    /// <param name="text">The text (after <see cref="YamlEventReader.WithEmptyLeadingBlockLines"/>).</param>
    /// <param name="lines">The text's lines.</param>
    /// <param name="maxDepth">How deep collections may nest.</param>
    /// <param name="documents">The documents read.</param>
    /// <returns>False when the full reader must read the text.</returns>
    public static bool TryRead(string text, SourceLines lines, int maxDepth, out List<YamlDocument> documents)
    {
        documents = [];
        if (text.AsSpan().ContainsAny(Unsupported))
        {
            return false;
        }

        try
        {
            new YamlBlockReader(text, lines, StringPool.Current, maxDepth).ReadStream(documents);
            return true;
        }
        catch (GiveUpException)
        {
            documents = [];
            return false;
        }
    }

    private static GiveUpException GiveUp() => GiveUpException.Instance;

    private void ReadStream(List<YamlDocument> documents)
    {
        var index = 0;
        SkipToContent();
        while (!AtEnd)
        {
            var start = _p;
            if (IsMarker('-'))
            {
                _p += 3;
                EndOfLine(_p);
                SkipToContent();
                if (AtEnd || IsMarker('-'))
                {
                    index++; // an empty document
                    continue;
                }
            }
            else if (IsMarker('.') || (Column == 0 && At == '%'))
            {
                throw GiveUp();
            }

            if (ReadBlockNode(-1, 0) is not YamlMap root)
            {
                throw GiveUp();
            }

            SkipToContent();
            if (!AtEnd && !IsMarker('-'))
            {
                throw GiveUp();
            }

            documents.Add(new YamlDocument(root, index++, DocumentSpan(start)));
        }

        _block.Entries = CollectionsMarshal.AsSpan(_mapEntries).ToArray();
    }

    // A map of the entries pushed since `first`: they move to the text's block.
    private YamlMap Map(int first, int start, int end)
    {
        var entries = CollectionsMarshal.AsSpan(_entries)[first..];
        var offset = _mapEntries.Count;
        _mapEntries.AddRange(entries);
        _entries.RemoveRange(first, entries.Length);
        return new YamlMap(_block, offset, _mapEntries.Count - offset, _lines, start, end);
    }

    // A document ends where the next "---" starts, or at the end of the text, which counts as a new line.
    private SourceSpan DocumentSpan(int start)
    {
        var (line, column) = _lines.Position(start);
        var (endLine, endColumn) = _lines.Position(_p);
        if (AtEnd && _text.Length > 0 && _text[^1] != '\n')
        {
            (endLine, endColumn) = (endLine + 1, 1);
        }

        return new SourceSpan(_lines.File, line, column, endLine, endColumn);
    }

    private bool IsMarker(char c) =>
        Column == 0 && _p + 3 <= _text.Length && _text[_p] == c && _text[_p + 1] == c && _text[_p + 2] == c
        && (_p + 3 == _text.Length || _text[_p + 3] is ' ' or '\n');

    // A node that starts its line, inside a collection indented `parent` (-1 at a document's root).
    private YamlNode ReadBlockNode(int parent, int depth)
    {
        if (depth >= _maxDepth)
        {
            throw GiveUp();
        }

        var column = Column;
        var c = At;
        if (c == '-' && IsBlankAfter(_p + 1))
        {
            return ReadSequence(column, indentless: false, depth);
        }

        if (IsKeyLine())
        {
            return ReadMapping(column, depth);
        }

        if (c is '|' or '>')
        {
            throw GiveUp();
        }

        var node = ReadInlineScalar(parent, depth);
        EndOfLine(_p);
        return node;
    }

    private YamlMap ReadMapping(int indent, int depth)
    {
        if (depth >= _maxDepth)
        {
            throw GiveUp();
        }

        var start = _p;
        var first = _entries.Count;
        HashSet<string>? keys = null;
        while (true)
        {
            var (key, keyStart, keyEnd) = ReadKey();
            if (key == "<<" || IsDuplicate(first, key, ref keys))
            {
                throw GiveUp();
            }

            var value = ReadValue(indent, depth + 1);
            _entries.Add(new YamlMapEntry(key, keyStart, keyEnd, value));
            SkipToContent();
            if (AtEnd || Column < indent || IsMarker('-') || IsMarker('.'))
            {
                break;
            }

            if (Column > indent || !IsKeyLine())
            {
                throw GiveUp();
            }
        }

        return Map(first, start, _lastEnd);
    }

    private bool IsDuplicate(int first, string key, ref HashSet<string>? keys) => YamlEventReader.IndexOfKey(_entries, first, key, ref keys) >= 0;

    // The value after "key:", on the same line or below it.
    private YamlNode ReadValue(int indent, int depth)
    {
        var afterColon = _p;
        SkipSpaces();
        if (At == '#' && _p > afterColon)
        {
            SkipComment();
        }

        if (AtEnd || At == '\n')
        {
            SkipToContent();
            if (!AtEnd && Column > indent && !IsMarker('-') && !IsMarker('.'))
            {
                return ReadBlockNode(indent, depth);
            }

            if (!AtEnd && Column == indent && At == '-' && IsBlankAfter(_p + 1) && !IsMarker('-'))
            {
                return ReadSequence(indent, indentless: true, depth);
            }

            return Empty(afterColon);
        }

        if (_p == afterColon)
        {
            throw GiveUp();
        }

        return ReadInlineNode(indent, depth);
    }

    private YamlList ReadSequence(int indent, bool indentless, int depth)
    {
        if (depth >= _maxDepth)
        {
            throw GiveUp();
        }

        var start = _p;
        var first = _items.Count;
        while (true)
        {
            _p++; // the '-'
            var afterDash = _p;
            SkipSpaces();
            if (At == '#' && _p > afterDash)
            {
                SkipComment();
            }

            YamlNode item;
            if (AtEnd || At == '\n')
            {
                SkipToContent();
                item = !AtEnd && Column > indent && !IsMarker('-') && !IsMarker('.') ? ReadBlockNode(indent, depth + 1) : Empty(afterDash);
            }
            else if (At == '-' && IsBlankAfter(_p + 1))
            {
                throw GiveUp(); // "- - a": a list in a list on one line
            }
            else if (IsKeyLine())
            {
                item = ReadMapping(Column, depth + 1);
            }
            else
            {
                item = ReadInlineNode(indent, depth + 1);
            }

            _items.Add(item);
            SkipToContent();
            if (AtEnd || Column < indent || IsMarker('-') || IsMarker('.'))
            {
                break;
            }

            if (Column > indent)
            {
                throw GiveUp();
            }

            if (At != '-' || !IsBlankAfter(_p + 1))
            {
                if (indentless)
                {
                    break;
                }

                throw GiveUp();
            }
        }

        var items = YamlEventReader.Pop(_items, first);
        return new YamlList(items, _lines, start, _lastEnd);
    }

    // A node that starts after "key: " or "- " on the same line; what follows it on the line may only be a comment.
    private YamlNode ReadInlineNode(int parent, int depth)
    {
        YamlNode node;
        switch (At)
        {
            case '|' or '>':
                return ReadBlockScalar(parent);
            case '[' or '{':
                node = ReadFlow(parent, depth);
                break;
            default:
                node = ReadInlineScalar(parent, depth);
                break;
        }

        EndOfLine(_p);
        return node;
    }

    private YamlNode ReadInlineScalar(int parent, int depth) => At switch
    {
        '"' => ReadDoubleQuoted(parent),
        '\'' => ReadSingleQuoted(parent),
        '[' or '{' => ReadFlow(parent, depth),
        _ => ReadPlain(parent),
    };

    private YamlScalar Empty(int at)
    {
        _lastEnd = at;
        return new YamlScalar(string.Empty, YamlScalarStyle.Plain, YamlScalarKind.Null, _lines, at, at);
    }

    private YamlScalar Scalar(string value, YamlScalarStyle style, int start)
    {
        _lastEnd = _p;
        var kind = style == YamlScalarStyle.Plain ? YamlScalar.Resolve(value) : YamlScalarKind.String;
        return new YamlScalar(value, style, kind, _lines, start, _p);
    }

    // Whether the line from here holds "key:" followed by a blank or the line's end: a plain key or a one-line quoted one.
    private bool IsKeyLine()
    {
        var line = RestOfLine();
        if (line.IsEmpty)
        {
            return false;
        }

        int colon;
        if (line[0] is '"' or '\'')
        {
            var close = QuotedLength(line);
            if (close < 0)
            {
                return false;
            }

            colon = close;
            while (colon < line.Length && line[colon] == ' ')
            {
                colon++;
            }

            return colon < line.Length && line[colon] == ':' && (colon + 1 == line.Length || line[colon + 1] == ' ');
        }

        if (!CanStartPlain(line))
        {
            return false;
        }

        colon = KeyColon(line);
        return colon >= 0;
    }

    // Where the ':' of "key: " is in a line that starts a plain key, or -1; a comment before it means there is none.
    private static int KeyColon(ReadOnlySpan<char> line)
    {
        for (var i = 1; i < line.Length; i++)
        {
            var c = line[i];
            if (c == ':' && (i + 1 == line.Length || line[i + 1] == ' '))
            {
                return i;
            }

            if (c == '#' && line[i - 1] == ' ')
            {
                return -1;
            }
        }

        return -1;
    }

    // The length of a one-line quoted scalar at the start of a line, with its quotes; -1 when it does not close on it.
    private static int QuotedLength(ReadOnlySpan<char> line)
    {
        var quote = line[0];
        for (var i = 1; i < line.Length; i++)
        {
            if (quote == '"' && line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == quote)
            {
                if (quote == '\'' && i + 1 < line.Length && line[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return -1;
    }

    private static bool CanStartPlain(ReadOnlySpan<char> text)
    {
        var c = text[0];
        if (c is ' ' or '\t' or '\n')
        {
            return false;
        }

        if (!Indicators.Contains(c))
        {
            return true;
        }

        return c is '-' or '?' && text.Length > 1 && text[1] is not (' ' or '\t' or '\n');
    }

    private (string Key, int Start, int End) ReadKey()
    {
        var start = _p;
        string key;
        if (At is '"' or '\'')
        {
            var scalar = At == '"' ? ReadDoubleQuoted(int.MaxValue) : ReadSingleQuoted(int.MaxValue);
            key = scalar.Value;
            SkipSpaces();
        }
        else
        {
            var line = RestOfLine();
            var colon = KeyColon(line);
            var text = line[..colon].TrimEnd(' ');
            if (text.Length > 1000 || text.Contains('\t') || text.Contains(" *", StringComparison.Ordinal))
            {
                throw GiveUp(); // YamlDotNet reads "a *b: 1" as the plain scalar "a *b: 1", not as a mapping
            }

            key = _pool.Get(text);
            _p = start + colon;
        }

        var end = At == ':' ? _p : throw GiveUp();
        end = start + _text.AsSpan(start, end - start).TrimEnd(' ').Length;
        if (end - start > 1000)
        {
            throw GiveUp(); // YAML's simple keys are at most 1024 characters: the full reader says so
        }

        _p++; // the ':'
        return (key, start, end);
    }

    // A plain scalar in block context: it may go on over more lines, each indented deeper than `parent`.
    private YamlScalar ReadPlain(int parent)
    {
        var start = _p;
        if (!CanStartPlain(_text.AsSpan(_p)) || At is ':')
        {
            throw GiveUp();
        }

        var first = PlainLine();
        var end = start + first.Length;
        _p = end;
        if (!NextLineContinues(parent, out var next, out var breaks))
        {
            return Scalar(_pool.Get(first), YamlScalarStyle.Plain, start);
        }

        _builder.Clear().Append(first);
        while (true)
        {
            if (breaks == 1)
            {
                _builder.Append(' ');
            }
            else
            {
                _builder.Append('\n', breaks - 1);
            }

            Advance(next);
            var line = PlainLine();
            _builder.Append(line);
            _p += line.Length;
            end = _p;
            if (!NextLineContinues(parent, out next, out breaks))
            {
                break;
            }
        }

        _p = end;
        return Scalar(_builder.ToString(), YamlScalarStyle.Plain, start);
    }

    // The rest of a plain scalar's line: up to a comment or the line's end, trailing spaces left out. "key: value" in it is a mistake.
    private ReadOnlySpan<char> PlainLine()
    {
        var line = RestOfLine();
        var length = line.Length;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\t')
            {
                throw GiveUp();
            }

            if (c == ':' && (i + 1 == line.Length || line[i + 1] == ' '))
            {
                throw GiveUp();
            }

            if (c == '#' && i > 0 && line[i - 1] == ' ')
            {
                length = i;
                break;
            }
        }

        return line[..length].TrimEnd(' ');
    }

    // Whether the scalar ending at _p goes on: only a comment-free, indicator-free line deeper than `parent` continues it.
    private bool NextLineContinues(int parent, out int next, out int breaks)
    {
        next = _p;
        breaks = 0;
        var rest = RestOfLine();
        if (rest.TrimStart(' ').Length > 0)
        {
            return false; // a comment follows on the same line: the scalar ends here
        }

        var at = _p + rest.Length;
        while (at < _text.Length && _text[at] == '\n')
        {
            breaks++;
            var lineStart = at + 1;
            var content = lineStart;
            while (content < _text.Length && _text[content] == ' ')
            {
                content++;
            }

            if (content >= _text.Length)
            {
                return false;
            }

            var c = _text[content];
            if (c == '\n')
            {
                at = content;
                continue;
            }

            if (content - lineStart <= parent || c is '\t' || Indicators.Contains(c))
            {
                return false;
            }

            next = content;
            return true;
        }

        return false;
    }

    // Moves _p forward to `to`, keeping track of the line it is on.
    private void Advance(int to)
    {
        var lastBreak = _text.AsSpan(_p, to - _p).LastIndexOf('\n');
        if (lastBreak >= 0)
        {
            _lineStart = _p + lastBreak + 1;
        }

        _p = to;
    }

    private YamlScalar ReadSingleQuoted(int parent) => ReadQuoted('\'', parent);

    private YamlScalar ReadDoubleQuoted(int parent) => ReadQuoted('"', parent);

    // A quoted scalar: '' is a quote in single quotes, \ starts an escape in double ones; either may span lines.
    private YamlScalar ReadQuoted(char quote, int parent)
    {
        var start = _p++;
        var style = quote == '"' ? YamlScalarStyle.DoubleQuoted : YamlScalarStyle.SingleQuoted;
        var simple = quote == '"' ? _text.AsSpan(_p).IndexOfAny('"', '\\', '\n') : _text.AsSpan(_p).IndexOfAny('\'', '\n');
        if (simple >= 0 && _text[_p + simple] == quote && (quote == '"' || _p + simple + 1 >= _text.Length || _text[_p + simple + 1] != '\''))
        {
            var value = _pool.Get(_text.AsSpan(_p, simple));
            _p += simple + 1;
            return Scalar(value, style, start);
        }

        _builder.Clear();
        while (true)
        {
            if (AtEnd)
            {
                throw GiveUp();
            }

            var c = At;
            if (c == quote)
            {
                if (quote == '\'' && _p + 1 < _text.Length && _text[_p + 1] == '\'')
                {
                    _builder.Append('\'');
                    _p += 2;
                    continue;
                }

                _p++;
                return Scalar(_builder.ToString(), style, start);
            }

            if (c == '\\' && quote == '"')
            {
                if (_p + 1 < _text.Length && _text[_p + 1] == '\n')
                {
                    _p++;
                    FoldQuotedBlanks(parent, escapedBreak: true);
                    continue;
                }

                Escape();
                continue;
            }

            if (c is ' ' or '\t' or '\n')
            {
                FoldQuotedBlanks(parent, escapedBreak: false);
                continue;
            }

            _builder.Append(c);
            _p++;
        }
    }

    // Blanks inside a quoted scalar: kept within a line, folded across lines (one break is a space, each further
    // break a line feed); after an escaped line break nothing of the break is kept.
    private void FoldQuotedBlanks(int parent, bool escapedBreak)
    {
        var blanksFrom = _builder.Length;
        var breaks = 0;
        while (!AtEnd && At is ' ' or '\t' or '\n')
        {
            if (At == '\n')
            {
                breaks++;
                ContinuationLine(parent, inFlow: false);
                continue;
            }

            if (breaks == 0 && !escapedBreak)
            {
                _builder.Append(At);
            }

            _p++;
        }

        if (breaks == 0 && !escapedBreak)
        {
            return;
        }

        _builder.Length = breaks > 0 && !escapedBreak ? blanksFrom : _builder.Length;
        if (escapedBreak)
        {
            // "\" then the break: the break is gone; further empty lines are line feeds.
            _builder.Append('\n', Math.Max(0, breaks - 1));
        }
        else if (breaks == 1)
        {
            _builder.Append(' ');
        }
        else
        {
            _builder.Append('\n', breaks - 1);
        }
    }

    private void Escape()
    {
        if (_p + 1 >= _text.Length)
        {
            throw GiveUp();
        }

        var code = _text[_p + 1];
        _p += 2;
        switch (code)
        {
            case '0': _builder.Append('\0'); return;
            case 'a': _builder.Append('\a'); return;
            case 'b': _builder.Append('\b'); return;
            case 't' or '\t': _builder.Append('\t'); return;
            case 'n': _builder.Append('\n'); return;
            case 'v': _builder.Append('\v'); return;
            case 'f': _builder.Append('\f'); return;
            case 'r': _builder.Append('\r'); return;
            case 'e': _builder.Append('\u001B'); return;
            case ' ': _builder.Append(' '); return;
            case '"': _builder.Append('"'); return;
            case '\\': _builder.Append('\\'); return;
            case 'N': _builder.Append('\u0085'); return;
            case '_': _builder.Append('\u00A0'); return;
            case 'L': _builder.Append('\u2028'); return;
            case 'P': _builder.Append('\u2029'); return;
            case 'x': Hex(2); return;
            case 'u': Hex(4); return;
            default: throw GiveUp(); // \U, \/ and anything else: the full reader knows them
        }
    }

    private void Hex(int digits)
    {
        if (_p + digits > _text.Length || !int.TryParse(_text.AsSpan(_p, digits), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var value) || value is >= 0xD800 and <= 0xDFFF)
        {
            throw GiveUp();
        }

        _builder.Append((char)value);
        _p += digits;
    }

    // A literal (|) or folded (>) block scalar, as libyaml and YamlDotNet read it.
    private YamlScalar ReadBlockScalar(int parent)
    {
        var start = _p;
        var literal = At == '|';
        _p++;
        var chomping = 0;
        var increment = 0;
        for (var i = 0; i < 2 && !AtEnd; i++)
        {
            var c = At;
            if (c is '+' or '-' && chomping == 0)
            {
                chomping = c == '+' ? 1 : -1;
            }
            else if (c is >= '1' and <= '9' && increment == 0)
            {
                increment = c - '0';
            }
            else
            {
                break;
            }

            _p++;
        }

        EndOfLine(_p);
        if (!AtEnd)
        {
            _p++; // the header's line break
            _lineStart = _p;
        }

        var end = _p;
        var indent = increment > 0 ? Math.Max(parent, 0) + increment : 0;
        var trailing = 0;
        indent = BlockBreaks(indent, parent, leading: true, ref trailing, ref end);
        if (!AtEnd && At != '\n' && Column != indent && Column > parent)
        {
            throw GiveUp(); // content less indented than the empty lines before it
        }

        if (At is ' ' or '\t' && Column == indent && RestOfLine().IsWhiteSpace())
        {
            throw GiveUp(); // a first line of blanks only, past an explicit indentation: YamlDotNet rejects it too
        }

        _builder.Clear();
        var leadingBreak = false; // whether a line break ended the last content line
        var leadingBlank = false;
        while (Column == indent && !AtEnd)
        {
            var trailingBlank = At is ' ' or '\t';
            if (!literal && leadingBreak && !leadingBlank && !trailingBlank)
            {
                if (trailing == 0)
                {
                    _builder.Append(' ');
                }
            }
            else if (leadingBreak)
            {
                _builder.Append('\n');
            }

            leadingBreak = false;
            _builder.Append('\n', trailing);
            trailing = 0;
            leadingBlank = At is ' ' or '\t';
            var lineEnd = _text.IndexOf('\n', _p);
            lineEnd = lineEnd < 0 ? _text.Length : lineEnd;
            _builder.Append(_text, _p, lineEnd - _p);
            _p = lineEnd;
            end = _p;
            if (AtEnd)
            {
                break;
            }

            _p++;
            _lineStart = _p;
            end = _p;
            leadingBreak = true;
            indent = BlockBreaks(indent, parent, leading: false, ref trailing, ref end);
        }

        if (chomping != -1 && leadingBreak)
        {
            _builder.Append('\n');
        }

        if (chomping == 1)
        {
            _builder.Append('\n', trailing);
        }

        var value = _builder.Length <= 128 ? _pool.Get(_builder.ToString()) : _builder.ToString();
        _lastEnd = end;
        var scalar = new YamlScalar(value, literal ? YamlScalarStyle.Literal : YamlScalarStyle.Folded, YamlScalarKind.String, _lines, start, end);

        // The line that ended the block is read again from its start, its spaces as indentation.
        if (!AtEnd)
        {
            _p = _lineStart;
        }

        return scalar;
    }

    // Empty lines and indentation before a block scalar's line: counts the breaks, and works the indentation out
    // from the first content line when it is not known yet.
    private int BlockBreaks(int indent, int parent, bool leading, ref int trailing, ref int end)
    {
        var maxIndent = 0;
        while (true)
        {
            while ((indent == 0 || Column < indent) && At == ' ')
            {
                _p++;
            }

            maxIndent = Math.Max(maxIndent, Column);
            if ((indent == 0 || Column < indent) && At == '\t')
            {
                throw GiveUp();
            }

            if (At != '\n')
            {
                break;
            }

            if (leading && Column > 0)
            {
                // YamlDotNet rejects spaces on the lines before a block's first content line ("found extra spaces in
                // first line"); WithEmptyLeadingBlockLines empties the ones it may, so the rest are the full reader's.
                throw GiveUp();
            }

            trailing++;
            _p++;
            _lineStart = _p;
            end = _p;
        }

        if (indent == 0)
        {
            indent = Math.Max(Math.Max(maxIndent, parent + 1), 1);
        }

        return indent;
    }

    // A flow collection ([...] or {...}), which may span lines, each deeper than `parent`.
    private YamlNode ReadFlow(int parent, int depth)
    {
        if (depth >= _maxDepth)
        {
            throw GiveUp();
        }

        var start = _p;
        var map = At == '{';
        _p++;
        var close = map ? '}' : ']';
        var firstEntry = _entries.Count;
        var firstItem = _items.Count;
        HashSet<string>? keys = null;
        SkipFlowBlanks(parent);
        while (At != close)
        {
            if (map)
            {
                var keyStart = _p;
                var key = At switch
                {
                    '"' => ReadDoubleQuoted(parent).Value,
                    '\'' => ReadSingleQuoted(parent).Value,
                    _ => FlowPlain().Value,
                };
                var keyEnd = _lastEnd;
                SkipSpaces();
                if (At != ':' || key == "<<" || IsDuplicate(firstEntry, key, ref keys)
                    || (_text[keyStart] is not ('"' or '\'') && key.Contains(" *", StringComparison.Ordinal)))
                {
                    throw GiveUp();
                }

                _p++;
                SkipFlowBlanks(parent);
                if (At is ',' or '}')
                {
                    throw GiveUp();
                }

                var value = FlowNode(parent, depth + 1);
                _entries.Add(new YamlMapEntry(key, keyStart, keyEnd, value));
            }
            else
            {
                _items.Add(FlowNode(parent, depth + 1));
            }

            SkipFlowBlanks(parent);
            if (At == ',')
            {
                _p++;
                SkipFlowBlanks(parent);
                if (At == ',')
                {
                    throw GiveUp();
                }
            }
            else if (At != close)
            {
                throw GiveUp();
            }
        }

        // A flow collection ends where its closing bracket is, as the full reader has it.
        _lastEnd = _p++;
        if (map)
        {
            return Map(firstEntry, start, _lastEnd);
        }

        var items = YamlEventReader.Pop(_items, firstItem);
        return new YamlList(items, _lines, start, _lastEnd);
    }

    private YamlNode FlowNode(int parent, int depth) => At switch
    {
        '[' or '{' => ReadFlow(parent, depth),
        '"' => ReadDoubleQuoted(parent),
        '\'' => ReadSingleQuoted(parent),
        _ => FlowPlain(),
    };

    // A plain scalar inside a flow collection: one line, up to a flow indicator, ": " or a comment.
    private YamlScalar FlowPlain()
    {
        var start = _p;
        if (AtEnd || Indicators.Contains(At) && !(At == '-' && _p + 1 < _text.Length && _text[_p + 1] is not (' ' or '\n' or ',' or '[' or ']' or '{' or '}')))
        {
            throw GiveUp();
        }

        // Only as far as the scalar goes: a one-line JSON document holds every scalar on one line.
        var rest = _text.AsSpan(_p);
        var length = 0;
        var toLineEnd = true;
        for (; length < rest.Length && rest[length] != '\n'; length++)
        {
            var c = rest[length];
            if (c == '\t')
            {
                throw GiveUp();
            }

            var next = length + 1 < rest.Length ? rest[length + 1] : '\n';
            if (FlowEnds.Contains(c) || (c == ':' && (next is ' ' or '\n' || FlowEnds.Contains(next))) || (c == '#' && length > 0 && rest[length - 1] == ' '))
            {
                if (c == ':' && next is '[' or '{')
                {
                    throw GiveUp(); // YamlDotNet reads "a:[" and "a:{" as part of a plain scalar
                }

                toLineEnd = false;
                break;
            }
        }

        var text = rest[..length].TrimEnd(' ');
        if (text.IsEmpty)
        {
            throw GiveUp();
        }

        _p = start + text.Length;
        if (toLineEnd && NextLineContinuesFlow())
        {
            throw GiveUp(); // a plain scalar over several lines inside a flow collection
        }

        return Scalar(_pool.Get(text), YamlScalarStyle.Plain, start);
    }

    // After a plain scalar that ran to its line's end in a flow: whether the next content is more of it.
    private bool NextLineContinuesFlow()
    {
        var at = _p;
        while (at < _text.Length && _text[at] is ' ' or '\n')
        {
            at++;
        }

        return at < _text.Length && _text.AsSpan(at, _text.Length - at)[0] is not (',' or ']' or '}' or ':' or '#');
    }

    // Past a line break inside a quoted scalar or a flow collection, and the next line's indentation: what follows
    // must go deeper than the collection `parent` the scalar or flow is in. Only a flow's closing bracket (or a
    // comment) is read alike by both readers when it does not.
    private void ContinuationLine(int parent, bool inFlow)
    {
        _p++;
        _lineStart = _p;
        if (IsMarker('-') || IsMarker('.'))
        {
            throw GiveUp();
        }

        var indent = _p;
        while (!AtEnd && At == ' ')
        {
            _p++;
        }

        if (!AtEnd && At == '\t')
        {
            throw GiveUp();
        }

        if (!AtEnd && At != '\n' && _p - indent <= parent && !(inFlow && At is '#' or ']' or '}'))
        {
            throw GiveUp();
        }
    }

    // Spaces, line breaks and comments between the parts of a flow collection.
    private void SkipFlowBlanks(int parent)
    {
        while (!AtEnd)
        {
            var c = At;
            if (c == ' ')
            {
                _p++;
            }
            else if (c == '\n')
            {
                ContinuationLine(parent, inFlow: true);
            }
            else if (c == '#' && _p > 0 && _text[_p - 1] is ' ' or '\n')
            {
                SkipComment();
            }
            else if (c == '\t')
            {
                throw GiveUp();
            }
            else
            {
                return;
            }
        }

        throw GiveUp(); // the collection is not closed
    }

    private bool IsBlankAfter(int at) => at >= _text.Length || _text[at] is ' ' or '\n';

    private ReadOnlySpan<char> RestOfLine()
    {
        var rest = _text.AsSpan(_p);
        var lineEnd = rest.IndexOf('\n');
        return lineEnd < 0 ? rest : rest[..lineEnd];
    }

    private void SkipSpaces()
    {
        while (!AtEnd && At == ' ')
        {
            _p++;
        }

        if (At == '\t')
        {
            throw GiveUp();
        }
    }

    private void SkipComment()
    {
        var lineEnd = _text.IndexOf('\n', _p);
        _p = lineEnd < 0 ? _text.Length : lineEnd;
    }

    // After a node: the line may hold only blanks and a comment.
    private void EndOfLine(int from)
    {
        _p = from;
        SkipSpaces();
        if (At == '#' && _p > from)
        {
            SkipComment();
        }

        if (!AtEnd && At != '\n')
        {
            throw GiveUp();
        }
    }

    // Moves to the next content: past blanks, comments and empty lines.
    private void SkipToContent()
    {
        while (!AtEnd)
        {
            var c = At;
            if (c == ' ')
            {
                _p++;
            }
            else if (c == '\n')
            {
                _p++;
                _lineStart = _p;
            }
            else if (c == '#' && (_p == _lineStart || _text[_p - 1] == ' '))
            {
                SkipComment();
            }
            else if (c == '\t')
            {
                throw GiveUp();
            }
            else
            {
                return;
            }
        }
    }

    private sealed class GiveUpException : Exception
    {
        public static readonly GiveUpException Instance = new();
    }
}
