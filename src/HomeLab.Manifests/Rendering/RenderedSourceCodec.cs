using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Writes a <see cref="RenderedSource"/> as a render cache entry and reads it back: the objects node by node with every
/// span, the findings and the notes, behind a SHA-256 of the body so a truncated or corrupted entry is noticed.
/// Locations (spans, findings, notes) go through System.Text.Json, so a field added to them is kept with no change here;
/// the trees are written compactly, with each distinct string and span stored once.
/// </summary>
internal static class RenderedSourceCodec
{
    /// <summary>Bumped whenever the layout below changes; part of every cache key too.</summary>
    public const int FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "HLRC"u8;

    private enum NodeTag : byte
    {
        Scalar,
        Map,
        List,
    }

    /// <summary>The entry's bytes.</summary>
    public static byte[] Encode(string key, RenderedSource source)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var spans = new Dictionary<SourceSpan, int>();
        using var trees = new MemoryStream();
        using (var writer = new BinaryWriter(trees, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(source.Objects.Count);
            foreach (var obj in source.Objects)
            {
                writer.Write7BitEncodedInt(obj.DocumentIndex);
                WriteNode(writer, obj.Root, strings, spans);
            }
        }

        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(key);
            writer.Write(source.Name);
            writer.Write((int)source.Kind);
            writer.Write(source.Origin);
            writer.Write(source.Text);
            writer.Write7BitEncodedInt(strings.Count);
            foreach (var text in InOrder(strings))
            {
                writer.Write(text);
            }

            writer.Write(JsonSerializer.Serialize(InOrder(spans), RenderCacheJson.Default.SourceSpanArray));
            writer.Write(trees.GetBuffer(), 0, (int)trees.Length);
            writer.Write(JsonSerializer.Serialize([.. source.Findings], RenderCacheJson.Default.FindingArray));
            writer.Write(JsonSerializer.Serialize([.. source.Notes], RenderCacheJson.Default.SpanNoteArray));
        }

        var payload = body.GetBuffer().AsSpan(0, (int)body.Length);
        var entry = new byte[Magic.Length + sizeof(int) + sizeof(long) + SHA256.HashSizeInBytes + payload.Length];
        Magic.CopyTo(entry);
        BitConverter.TryWriteBytes(entry.AsSpan(Magic.Length), FormatVersion);
        BitConverter.TryWriteBytes(entry.AsSpan(Magic.Length + sizeof(int)), (long)payload.Length);
        SHA256.HashData(payload, entry.AsSpan(Magic.Length + sizeof(int) + sizeof(long), SHA256.HashSizeInBytes));
        payload.CopyTo(entry.AsSpan(entry.Length - payload.Length));
        return entry;
    }

    /// <summary>Reads an entry back.</summary>
    /// <param name="key">The key it must have been written under.</param>
    /// <param name="entry">The entry's bytes.</param>
    /// <param name="source">The rendered source, when the entry is whole.</param>
    /// <param name="problem">Why the entry cannot be used, when it cannot.</param>
    /// <returns>Whether the entry was whole and of this key.</returns>
    public static bool TryDecode(string key, byte[] entry, out RenderedSource? source, out string? problem)
    {
        source = null;
        var header = Magic.Length + sizeof(int) + sizeof(long) + SHA256.HashSizeInBytes;
        if (entry.Length < header || !entry.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            problem = "it is not a render cache entry";
            return false;
        }

        if (BitConverter.ToInt32(entry, Magic.Length) != FormatVersion)
        {
            problem = "it was written by another version of the cache format";
            return false;
        }

        var payload = entry.AsSpan(header);
        var checksum = entry.AsSpan(Magic.Length + sizeof(int) + sizeof(long), SHA256.HashSizeInBytes);
        if (BitConverter.ToInt64(entry, Magic.Length + sizeof(int)) != payload.Length || !SHA256.HashData(payload).AsSpan().SequenceEqual(checksum))
        {
            problem = "it is truncated or corrupted (its checksum does not match)";
            return false;
        }

        try
        {
            source = Read(key, entry, header);
            problem = source is null ? "it was written for another key" : null;
            return source is not null;
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or JsonException or FormatException or ArgumentException or InvalidCastException or IndexOutOfRangeException)
        {
            problem = $"it cannot be read ({exception.Message})";
            return false;
        }
    }

    private static RenderedSource? Read(string key, byte[] entry, int offset)
    {
        using var reader = new BinaryReader(new MemoryStream(entry, offset, entry.Length - offset, writable: false), Encoding.UTF8);
        if (reader.ReadString() != key)
        {
            return null;
        }

        var name = reader.ReadString();
        var kind = (RenderSourceKind)reader.ReadInt32();
        var origin = reader.ReadString();
        var text = reader.ReadString();
        var strings = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = reader.ReadString();
        }

        var spans = JsonSerializer.Deserialize(reader.ReadString(), RenderCacheJson.Default.SourceSpanArray) ?? [];
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < spans.Length; i++)
        {
            // One string per file, as the loader keeps them, not one per span.
            var file = spans[i].File ?? string.Empty;
            spans[i] = spans[i] with { File = files.TryGetValue(file, out var shared) ? shared : files[file] = file };
        }

        var objects = new KubeObject[reader.Read7BitEncodedInt()];
        for (var i = 0; i < objects.Length; i++)
        {
            var documentIndex = reader.Read7BitEncodedInt();
            objects[i] = new KubeObject((YamlMap)ReadNode(reader, strings, spans), documentIndex);
        }

        var findings = JsonSerializer.Deserialize(reader.ReadString(), RenderCacheJson.Default.FindingArray) ?? [];
        var notes = JsonSerializer.Deserialize(reader.ReadString(), RenderCacheJson.Default.SpanNoteArray) ?? [];
        return new RenderedSource(name, kind, origin, text, objects, findings, notes);
    }

    private static void WriteNode(BinaryWriter writer, YamlNode node, Dictionary<string, int> strings, Dictionary<SourceSpan, int> spans)
    {
        switch (node)
        {
            case YamlScalar scalar:
                writer.Write((byte)NodeTag.Scalar);
                writer.Write7BitEncodedInt(Index(spans, scalar.Span));
                writer.Write((byte)scalar.Style);
                writer.Write((byte)scalar.Kind);
                writer.Write7BitEncodedInt(Index(strings, scalar.Value));
                break;
            case YamlMap map:
                writer.Write((byte)NodeTag.Map);
                writer.Write7BitEncodedInt(Index(spans, map.Span));
                writer.Write7BitEncodedInt(map.Count);
                foreach (var entry in map.Entries)
                {
                    writer.Write7BitEncodedInt(Index(strings, entry.Key));
                    writer.Write7BitEncodedInt(Index(spans, entry.KeySpan));
                    WriteNode(writer, entry.Value, strings, spans);
                }

                break;
            case YamlList list:
                writer.Write((byte)NodeTag.List);
                writer.Write7BitEncodedInt(Index(spans, list.Span));
                writer.Write7BitEncodedInt(list.Count);
                foreach (var item in list.Items)
                {
                    WriteNode(writer, item, strings, spans);
                }

                break;
            default:
                throw new InvalidOperationException($"A YAML node of type {node.GetType().Name} cannot be cached.");
        }
    }

    private static YamlNode ReadNode(BinaryReader reader, string[] strings, SourceSpan[] spans)
    {
        var tag = (NodeTag)reader.ReadByte();
        var span = spans[reader.Read7BitEncodedInt()];
        switch (tag)
        {
            case NodeTag.Scalar:
                var style = (YamlScalarStyle)reader.ReadByte();
                var kind = (YamlScalarKind)reader.ReadByte();
                return new YamlScalar(strings[reader.Read7BitEncodedInt()], style, kind, span);
            case NodeTag.Map:
                var entries = new YamlMapEntry[reader.Read7BitEncodedInt()];
                for (var i = 0; i < entries.Length; i++)
                {
                    var key = strings[reader.Read7BitEncodedInt()];
                    var keySpan = spans[reader.Read7BitEncodedInt()];
                    entries[i] = new YamlMapEntry(key, keySpan, ReadNode(reader, strings, spans));
                }

                return new YamlMap(entries, span, checkDuplicates: false);
            case NodeTag.List:
                var items = new YamlNode[reader.Read7BitEncodedInt()];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ReadNode(reader, strings, spans);
                }

                return new YamlList(items, span, copy: false);
            default:
                throw new FormatException($"unknown node tag {(byte)tag}");
        }
    }

    private static T[] InOrder<T>(Dictionary<T, int> table)
        where T : notnull
    {
        var ordered = new T[table.Count];
        foreach (var (value, index) in table)
        {
            ordered[index] = value;
        }

        return ordered;
    }

    private static int Index<T>(Dictionary<T, int> table, T value)
        where T : notnull
    {
        if (!table.TryGetValue(value, out var index))
        {
            index = table[value] = table.Count;
        }

        return index;
    }
}
