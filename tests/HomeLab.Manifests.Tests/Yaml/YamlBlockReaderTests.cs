using System.Text;
using HomeLab.Manifests.Yaml;
using HomeLab.Testing.Upstream;

namespace HomeLab.Manifests.Tests.Yaml;

/// <summary>
/// The fast reader of the common block style must build exactly the nodes the full reader builds — values, styles,
/// kinds, every span, document indexes — or give the text to the full reader. These tests compare the two on real
/// input, on hand-written cases of every construct, and on damaged copies of real files.
/// </summary>
public class YamlBlockReaderTests
{
    private static readonly YamlLoader Full = new() { FullReaderOnly = true };

    public static TheoryData<string, string> Supported => new()
    {
        { "plain values", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a   # trailing comment\n  namespace: b\n" },
        { "typed plain values", "a: 1\nb: -2.5\nc: true\nd: ~\ne: null\nf: 0x1F\ng: yes\nh: .inf\ni: 1e3\nj: 08\n" },
        { "empty values", "a:\nb:\n  # only a comment\nc: 1\nd:\n" },
        { "nested maps", "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n" },
        { "sequences", "a:\n  - x\n  - y\nb:\n- 1\n- 2\nc: 3\n" },
        { "maps in sequences", "containers:\n  - name: a\n    image: b\n    ports:\n      - containerPort: 80\n        name: http\n  -\n    name: c\n  -\n" },
        { "sequences of sequences on their own lines", "a:\n  -\n    - 1\n    - 2\n" },
        { "quoted values", "a: \"x y\"\nb: 'it''s'\nc: \"tab\\tnew\\nline \\\"q\\\" \\\\ \\x41 \\u00e9 \\0 \\e\"\nd: ''\ne: \"\"\n" },
        { "quoted keys", "\"a b\": 1\n'c:d': 2\n\"\": 3\n\"e\" : 4\n" },
        { "multi-line quoted", "a: \"one\n  two  \n\n  three\\\n  four\\\n\n  five\"\nb: 'x\n  y\n\n\n  z'\n" },
        { "multi-line plain", "description: This is a long\n  description that goes on\n\n  and a paragraph\nnext: 1\nlist:\n  - item that\n    continues\n" },
        { "literal blocks", "a: |\n  line 1\n   indented\n  line 3\nb: |-\n  x\n\n\nc: |+\n  kept\n\n\nd: |2\n    two extra\ne: |\n\n  after empty\nf: |\ng: 1\n" },
        { "folded blocks", "a: >\n  one\n  two\n\n  three\n    more indented\n  back\nb: >-\n  x\n  y\nc: >+\n  z\n\n" },
        { "blocks in sequences", "s:\n- a: |\n    x\n  b: 2\n- |\n  y\n- >-\n  z\n" },
        { "block at the end without a line break", "a: |\n  last" },
        { "block followed by a comment", "a: |\n  x\n# comment\nb: 1\n" },
        { "flow collections", "a: [1, \"two\", 'three', four]\nb: {x: 1, \"y\": [a, b], z: {}}\nc: []\nd: {}\ne: [a, b, ]\nf: [\"--port=8080\", \"--log=info\"]\n" },
        { "multi-line flow", "args: [\n  \"a\",\n  \"b\" # why\n]\nmap: {\n  a: 1,\n  b: 2\n}\n" },
        { "json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [\n    {\"a\": 1, \"b\": [true, null, 2.5]}\n  ]\n}\n" },
        { "json without a final line break", "{\"a\":1,\"b\":\"x\"}" },
        { "documents", "# head\n---\na: 1\n---\n---\nb: 2\n--- # comment\nc: 3\n---\n" },
        { "implicit first document", "a: 1\n---\nb: 2" },
        { "comments everywhere", "# c\na: 1 # c\n# c\nb: # c\n  c: 2\n  # c\n\n  d: 3\n#c\n" },
        { "urls and colons", "url: http://example.com:8080/x#frag\ntime: 12:30\nkey:with:colons: 1\nimage: ghcr.io/a/b:1.2@sha256:abc\n" },
        { "indented root", "  a: 1\n  b:\n    c: 2\n" },
        { "special plain starts", "a: -x\nb: ?y\nc: -1\nd: a - b\ne: 'x' \n" },
        { "non-ASCII", "name: café ☕\nnote: \"ünï\"\n" },
        { "deep indentation", "a:\n        b:\n                c: 1\n        d: 2\n" },
        { "asterisks that start no alias", "a*b: 1\nc: x *y\nd: [e *f, g]\nh: {i: j *k}\n" },
        { "blank lines emptied before a block's first content", "a: |\n  \n  x\nb: >-\n \n  \n  y\n" },
    };

    public static TheoryData<string, string> LeftToTheFullReader => new()
    {
        { "an anchor and an alias", "a: &x 1\nb: *x\n" },
        { "a tag", "a: !!str 1\n" },
        { "a merge key", "a: {x: 1}\nb:\n  <<: {y: 2}\n" },
        { "a complex key", "? a\n: b\n" },
        { "a directive", "%YAML 1.1\n---\na: 1\n" },
        { "a document end marker", "a: 1\n...\n" },
        { "CR LF line breaks", "a: 1\r\nb: 2\r\n" },
        { "a tab in indentation", "a:\n\tb: 1\n" },
        { "a duplicate key", "a: 1\na: 2\n" },
        { "a root list", "- a\n- b\n" },
        { "a root scalar", "just text\n" },
        { "a mapping on one line", "a: b: c\n" },
        { "an unclosed quote", "a: \"x\n" },
        { "an unclosed flow", "a: [1, 2\n" },
        { "bad indentation", "a:\n    b: 1\n  c: 2\n" },
        { "a sequence where a key belongs", "a:\n  - x\n  b: 1\n" },
        { "an escape the fast reader does not know", "a: \"\\U0001F600\"\n" },
        { "content after a flow collection", "a: [1] x\n" },
        { "an asterisk after a blank in a plain key", "a *b: 1\n" },
        { "an asterisk after a blank in a flow key", "a: {b *c: 1}\n" },
        { "a flow right after a flow key's colon", "a: {b:[1]}\nc: {d:{}}\n" },
        { "blanks on a line before a block's first content", "a: |\n   \n\n    x\n" },
        { "blank lines only in a block", "a: >\n   \n  \nb: 1\n" },
        { "blanks past an explicit indentation on a block's first line", "a: |2-\n    \n" },
    };

    [Theory]
    [MemberData(nameof(Supported))]
    public void The_fast_reader_reads_each_common_construct_as_the_full_reader_does(string construct, string text)
    {
        text = YamlEventReader.WithEmptyLeadingBlockLines(text); // as the loader gives it
        var lines = new SourceLines("case.yaml", text);
        YamlBlockReader.TryRead(text, lines, 200, out var fast).Should().BeTrue($"the fast reader reads {construct}");
        var full = Full.LoadString(text, "case.yaml");

        full.Findings.Should().BeEmpty();
        Same(Describe(fast), Describe(full.Documents), construct);
    }

    [Theory]
    [MemberData(nameof(LeftToTheFullReader))]
    public void The_fast_reader_leaves_what_it_does_not_know_to_the_full_reader(string construct, string text)
    {
        var lines = new SourceLines("case.yaml", text);
        YamlBlockReader.TryRead(text, lines, 200, out _).Should().BeFalse($"{construct} is the full reader's");

        // The loader still reads it, through the full reader, findings and all.
        var loaded = YamlLoader.Default.LoadString(text, "case.yaml");
        Describe(loaded.Documents).Should().Be(Describe(Full.LoadString(text, "case.yaml").Documents));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Nesting_is_limited_at_the_same_depth_as_the_full_reader(bool throughLists)
    {
        var outcomes = new HashSet<bool>();
        for (var depth = throughLists ? 130 : 196; depth <= (throughLists ? 136 : 202); depth++)
        {
            var text = new StringBuilder();
            var column = 0;
            for (var level = 0; level < depth; level++)
            {
                var list = throughLists && level % 2 == 1;
                text.Append(' ', column).Append(list ? "- k:\n" : "k:\n");
                column += list ? 4 : 2;
            }

            text.Append(' ', column).Append("leaf: 1\n");
            var loaded = YamlLoader.Manifests.LoadString(text.ToString(), "deep.yaml");
            var full = Full.LoadString(text.ToString(), "deep.yaml");

            full.Findings.Select(f => f.RuleId).Should().BeSubsetOf([YamlRuleIds.TooDeep], $"depth {depth} is only too deep or fine");
            loaded.Findings.Select(f => f.RuleId).Should().Equal(full.Findings.Select(f => f.RuleId), $"at depth {depth}");
            Same(Describe(loaded.Documents), Describe(full.Documents), $"depth {depth}");
            outcomes.Add(full.Findings.Count > 0);
        }

        outcomes.Should().HaveCount(2, "the depths tried reach the limit from both sides");
    }

    [Fact]
    public void The_loader_gives_the_same_result_as_the_full_reader_on_the_repository_s_own_yaml()
    {
        var root = UpstreamCorpus.RepositoryRoot;
        var files = new[] { "clusters", "manifests", "tests", ".github", ".homelab" }
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));

        var (read, fast) = Compare(files);

        read.Should().BeGreaterThan(100);
        fast.Should().BeGreaterThan(read / 2, "most of the repository's YAML is the common block style");
    }

    [SkippableFact]
    public void The_loader_gives_the_same_result_as_the_full_reader_on_the_real_charts_output()
    {
        Skip.If(UpstreamCorpus.MissingReason is not null, UpstreamCorpus.MissingReason);
        var upstream = Directory.EnumerateFiles(UpstreamCorpus.Directory, "*", SearchOption.AllDirectories);
        var conformance = Path.Combine(UpstreamCorpus.Directory, "..", "conformance");
        var files = upstream.Concat(Directory.Exists(conformance) ? Directory.EnumerateFiles(conformance, "*", SearchOption.AllDirectories) : [])
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal));

        var (read, fast) = Compare(files);

        read.Should().BeGreaterThan(100);
        fast.Should().BeGreaterThan(read * 8 / 10, "the charts' output is the common block style");
    }

    [Fact]
    public void Damaged_copies_of_real_manifests_read_the_same_through_either_reader()
    {
        var documents = Directory.EnumerateFiles(Path.Combine(UpstreamCorpus.RepositoryRoot, "clusters"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n---\n"))
            .Where(d => d.Contains(':', StringComparison.Ordinal) && d.Length < 4000)
            .ToList();
        var random = new Random(11);
        var compared = 0;
        for (var i = 0; i < 3000; i++)
        {
            var damaged = Damaged(documents[random.Next(documents.Count)], random);
            var lines = new SourceLines("damaged.yaml", damaged);
            if (!YamlBlockReader.TryRead(damaged, lines, 200, out var fast))
            {
                continue;
            }

            var full = Full.LoadString(damaged, "damaged.yaml");
            full.Findings.Should().BeEmpty($"the fast reader accepted text the full reader rejects:\n{damaged}");
            Same(Describe(fast), Describe(full.Documents), $"the readers differ on:\n{damaged}");
            compared++;
        }

        compared.Should().BeGreaterThan(600);
    }

    [SkippableFact]
    public void The_loader_gives_the_same_result_as_the_full_reader_on_the_yaml_test_suite()
    {
        // The suite's in.yaml files are edge cases of every kind; they stay outside the repository.
        var directory = Environment.GetEnvironmentVariable("HOMELAB_YAML_TEST_SUITE");
        Skip.If(directory is not { Length: > 0 } || !Directory.Exists(directory), "HOMELAB_YAML_TEST_SUITE names no folder of YAML test suite inputs (one .yaml file per case)");
        var random = new Random(11);
        var cases = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // Most cases are not mappings at their root: as a key's value the fast reader reads them too.
            var text = File.ReadAllText(file);
            var asValue = "key:\n" + string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : "  " + line));
            foreach (var variant in new[] { text, asValue })
            {
                CompareText(variant, file);
                for (var i = 0; i < 100 && variant.Length > 0; i++)
                {
                    CompareText(Damaged(variant, random), file);
                }
            }

            cases++;
        }

        cases.Should().BeGreaterThan(0, $"{directory} holds the suite's inputs");
    }

    private static (int Read, int Fast) Compare(IEnumerable<string> files)
    {
        var read = 0;
        var fast = 0;
        foreach (var file in files)
        {
            read++;
            fast += CompareText(File.ReadAllText(file), file) ? 1 : 0;
        }

        return (read, fast);
    }

    // Whether the fast reader read the text, as the loader gives it; when it did, the full reader must agree.
    private static bool CompareText(string original, string file)
    {
        var text = YamlEventReader.WithEmptyLeadingBlockLines(original);
        var lines = new SourceLines(file, text);
        if (!YamlBlockReader.TryRead(text, lines, 200, out var documents))
        {
            return false;
        }

        var full = Full.LoadString(text, file);
        full.Findings.Should().BeEmpty($"the fast reader accepted {file}, which the full reader rejects:\n{text}");
        Same(Describe(documents), Describe(full.Documents), $"{file}:\n{text}");
        return true;
    }

    // Deterministic damage: characters removed, doubled or replaced by YAML's own punctuation, so the fast reader
    // meets broken indentation, stray indicators, unclosed quotes and flows at every position.
    private static string Damaged(string original, Random random)
    {
        const string punctuation = " \n:-#'\"[]{},|>&*!?%@`\\\t";
        var text = new StringBuilder(original);
        for (var edit = 0; edit < 1 + random.Next(3) && text.Length > 0; edit++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0: text.Remove(at, 1); break;
                case 1: text.Insert(at, text[at]); break;
                default: text[at] = punctuation[random.Next(punctuation.Length)]; break;
            }
        }

        return text.ToString();
    }

    // The first line where the fast reader's description differs from the full reader's, with the line before it.
    private static void Same(string fast, string full, string what)
    {
        var a = fast.Split('\n');
        var b = full.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<none>";
            var right = i < b.Length ? b[i] : "<none>";
            if (left != right)
            {
                left.Should().Be(right, $"the fast reader differs from the full reader after '{(i > 0 ? b[i - 1] : string.Empty)}' in {what}");
            }
        }
    }

    // Everything a node holds, one line per node, so a difference names the node.
    private static string Describe(IEnumerable<YamlDocument> documents)
    {
        var text = new StringBuilder();
        foreach (var document in documents)
        {
            text.Append("document ").Append(document.Index).Append(' ').Append(Position(document.Span)).Append('\n');
            Describe(document.Root, text, 1);
        }

        return text.ToString();
    }

    private static void Describe(YamlNode node, StringBuilder text, int depth)
    {
        text.Append(' ', depth * 2);
        switch (node)
        {
            case YamlMap map:
                text.Append("map ").Append(Position(map.Span)).Append('\n');
                foreach (var entry in map.Entries)
                {
                    text.Append(' ', depth * 2 + 1).Append("key '").Append(entry.Key).Append("' ").Append(Position(entry.KeySpan)).Append('\n');
                    Describe(entry.Value, text, depth + 1);
                }

                break;
            case YamlList list:
                text.Append("list ").Append(Position(list.Span)).Append('\n');
                foreach (var item in list.Items)
                {
                    Describe(item, text, depth + 1);
                }

                break;
            case YamlScalar scalar:
                text.Append(scalar.Style).Append(' ').Append(scalar.Kind).Append(" '").Append(scalar.Value.Replace("\n", "\\n", StringComparison.Ordinal)).Append("' ").Append(Position(scalar.Span)).Append('\n');
                break;
        }
    }

    private static string Position(SourceSpan span) => $"{span.Line}:{span.Column}-{span.EndLine}:{span.EndColumn}";
}
