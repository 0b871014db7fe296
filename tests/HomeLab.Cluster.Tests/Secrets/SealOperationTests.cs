using System.Text;
using System.Text.RegularExpressions;
using HomeLab.Cluster.Secrets;

namespace HomeLab.Cluster.Tests.Secrets;

public sealed partial class SealOperationTests(SealingKeys keys) : IClassFixture<SealingKeys>, IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly SealOperation operation = new(SealingKeys.Clock);

    private string Output => folder.File("app-credentials.sealed.yaml");

    [Fact]
    public async Task Sealing_literals_writes_a_SealedSecret_whose_values_unseal_to_them()
    {
        var result = await operation.RunAsync(Options(["password=hunter2", "url=postgres://u:p@db/x?a=b=c"]));

        var manifest = SealedSecretManifest.Parse(File.ReadAllText(Output), Output);
        Unseal(manifest, "password").Should().Be("hunter2");
        Unseal(manifest, "url").Should().Be("postgres://u:p@db/x?a=b=c");
        result.Changed.Should().BeTrue();
        result.Keys.Select(key => (key.Key, key.Outcome)).Should().Equal(("password", SealedKeyOutcome.Added), ("url", SealedKeyOutcome.Added));
        result.Warnings.Should().BeEmpty();
        result.Summarize().Should().Be($"{Output} (strict 'homelab-test/app-credentials'): 2 added");
    }

    [Fact]
    public async Task The_written_file_sorts_every_key_and_records_the_scope_where_the_controller_reads_it()
    {
        await operation.RunAsync(Options(["url=x", "password=y"]) with { Scope = SealingScope.NamespaceWide });

        SealedValues().Replace(File.ReadAllText(Output), ": <sealed>").Should().Be(
            """
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata:
              annotations:
                sealedsecrets.bitnami.com/namespace-wide: "true"
              name: app-credentials
              namespace: homelab-test
            spec:
              encryptedData:
                password: <sealed>
                url: <sealed>
              template:
                metadata:
                  annotations:
                    sealedsecrets.bitnami.com/namespace-wide: "true"
                  name: app-credentials
                  namespace: homelab-test
                type: Opaque

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Sealing_a_Secret_manifest_seals_data_and_stringData_and_drops_the_last_applied_copy()
    {
        var result = await operation.RunAsync(new SealOptions
        {
            CertificatePath = SealingKeys.CertificatePath,
            OutputPath = Output,
            SecretManifestPath = SealingKeys.Fixture("plain-secret.yaml"),
        });

        var text = File.ReadAllText(Output);
        var manifest = result.Manifest;
        manifest.EncryptedData.Keys.Should().Equal("api-token", "password", "username");
        Unseal(manifest, "password").Should().Be("hunter2");
        Unseal(manifest, "api-token").Should().Be("plain-token");
        manifest.Template.Labels.Should().Contain("app.kubernetes.io/name", "app");
        manifest.Template.Annotations.Should().ContainKey("note").And.NotContainKey("kubectl.kubernetes.io/last-applied-configuration");
        text.Should().NotContain("aHVudGVyMg").And.NotContain("hunter2").And.Contain("note: \"true\"");
    }

    [Fact]
    public async Task A_strict_Secret_without_a_namespace_is_a_clear_error_naming_the_file()
    {
        var path = SealingKeys.Fixture("secret-without-namespace.yaml");

        var seal = () => operation.RunAsync(new SealOptions { CertificatePath = SealingKeys.CertificatePath, OutputPath = Output, SecretManifestPath = path });

        var error = (await seal.Should().ThrowAsync<SecretSealingException>()).Which;
        error.File.Should().Be(path);
        error.Message.Should().Be("The Secret 'app-credentials' has no namespace, and its strict scope binds it to one.");
        error.Hint.Should().Contain("metadata.namespace").And.Contain("cluster-wide");
        File.Exists(Output).Should().BeFalse();
    }

    [Fact]
    public async Task A_Secret_without_a_namespace_seals_cluster_wide()
    {
        var result = await operation.RunAsync(new SealOptions
        {
            CertificatePath = SealingKeys.CertificatePath,
            OutputPath = Output,
            SecretManifestPath = SealingKeys.Fixture("secret-without-namespace.yaml"),
            Scope = SealingScope.ClusterWide,
        });

        result.Manifest.Scope.Should().Be(SealingScope.ClusterWide);
        Unseal(result.Manifest, "password").Should().Be("hunter2");
    }

    [Fact]
    public async Task Data_that_is_not_base64_is_reported_at_its_line()
    {
        var path = SealingKeys.Fixture("secret-with-bad-base64.yaml");

        var seal = () => operation.RunAsync(new SealOptions { CertificatePath = SealingKeys.CertificatePath, OutputPath = Output, SecretManifestPath = path });

        (await seal.Should().ThrowAsync<SecretSealingException>()).Which.ToOneLine()
            .Should().Be($"{path}:8: data.password is not valid base64. Hint: Values under data are base64; put plain text under stringData instead.");
    }

    [Fact]
    public async Task A_key_given_twice_is_a_clear_error()
    {
        var seal = () => operation.RunAsync(Options(["password=a", "password=b"]));

        (await seal.Should().ThrowAsync<SecretSealingException>()).WithMessage("The key 'password' is given twice*");
    }

    [Fact]
    public async Task A_literal_without_an_equals_sign_is_a_clear_error_that_does_not_echo_the_value()
    {
        var seal = () => operation.RunAsync(Options(["correct-horse-battery"]));

        var error = (await seal.Should().ThrowAsync<SecretSealingException>()).Which;
        error.Message.Should().Contain("is not key=value").And.NotContain("horse");
    }

    [Fact]
    public async Task Values_from_files_use_the_file_name_or_the_given_key()
    {
        var certificatePath = folder.Write("ca.crt", "a file value\n");
        var other = folder.Write("other.txt", "another");

        var result = await operation.RunAsync(Options([]) with { Files = [certificatePath, $"renamed.txt={other}"] });

        Unseal(result.Manifest, "ca.crt").Should().Be("a file value\n");
        Unseal(result.Manifest, "renamed.txt").Should().Be("another");
    }

    [Fact]
    public async Task An_invalid_key_name_is_a_clear_error()
    {
        var seal = () => operation.RunAsync(Options(["bad key=1"]));

        (await seal.Should().ThrowAsync<SecretSealingException>()).WithMessage("'bad key' is not a valid Secret data key.");
    }

    [Fact]
    public async Task Re_sealing_with_the_private_key_keeps_unchanged_values_byte_identical()
    {
        await operation.RunAsync(Options(["password=same", "user=old", "zone=same-too"]));
        var before = File.ReadAllLines(Output);

        var result = await operation.RunAsync(Options(["password=same", "user=new", "zone=same-too"]) with { PrivateKeyPath = SealingKeys.PrivateKeyPath });

        var after = File.ReadAllLines(Output);
        after.Should().HaveSameCount(before);
        Enumerable.Range(0, after.Length).Where(line => after[line] != before[line]).Select(line => after[line].Trim().Split(':')[0])
            .Should().Equal("user");
        result.Keys.Select(key => key.Outcome).Should().Equal(SealedKeyOutcome.Unchanged, SealedKeyOutcome.Updated, SealedKeyOutcome.Unchanged);
        Unseal(result.Manifest, "user").Should().Be("new");
    }

    [Fact]
    public async Task Re_sealing_the_same_values_with_the_private_key_leaves_the_file_untouched()
    {
        await operation.RunAsync(Options(["password=same"]));
        var before = File.ReadAllText(Output);

        var result = await operation.RunAsync(Options(["password=same"]) with { PrivateKeyPath = SealingKeys.PrivateKeyPath });

        result.Changed.Should().BeFalse();
        File.ReadAllText(Output).Should().Be(before);
    }

    [Fact]
    public async Task Without_the_private_key_existing_values_are_kept_with_a_warning_unless_forced()
    {
        await operation.RunAsync(Options(["password=old"]));
        var before = File.ReadAllText(Output);

        var kept = await operation.RunAsync(Options(["password=new"]));

        kept.Keys.Should().ContainSingle().Which.Outcome.Should().Be(SealedKeyOutcome.KeptUnverified);
        kept.Warnings.Should().ContainSingle().Which.Should().Contain("password").And.Contain("force");
        File.ReadAllText(Output).Should().Be(before);

        var forced = await operation.RunAsync(Options(["password=new"]) with { Force = true });

        forced.Keys.Should().ContainSingle().Which.Outcome.Should().Be(SealedKeyOutcome.Resealed);
        Unseal(forced.Manifest, "password").Should().Be("new");
    }

    [Fact]
    public async Task Keys_that_are_not_given_are_kept_unless_pruned()
    {
        await operation.RunAsync(Options(["password=a", "user=b"]));
        var untouched = await operation.RunAsync(Options(["password=a"]));
        untouched.Keys.Should().Contain(new SealedKeyReport("user", SealedKeyOutcome.Untouched));

        var pruned = await operation.RunAsync(Options(["password=a"]) with { Prune = true });

        pruned.Keys.Should().Contain(new SealedKeyReport("user", SealedKeyOutcome.Removed));
        pruned.Manifest.EncryptedData.Keys.Should().Equal("password");
    }

    [Fact]
    public async Task Re_sealing_keeps_the_name_namespace_type_and_labels_of_the_existing_file()
    {
        await operation.RunAsync(new SealOptions
        {
            CertificatePath = SealingKeys.CertificatePath,
            OutputPath = Output,
            SecretManifestPath = SealingKeys.Fixture("plain-secret.yaml"),
        });

        var result = await operation.RunAsync(new SealOptions
        {
            CertificatePath = SealingKeys.CertificatePath,
            OutputPath = Output,
            Literals = ["extra=1"],
            PrivateKeyPath = SealingKeys.PrivateKeyPath,
        });

        result.Manifest.Target.Should().Be(new SealingTarget("homelab-test", "app-credentials"));
        result.Manifest.Template.Labels.Should().Contain("app.kubernetes.io/name", "app");
        result.Manifest.Template.Type.Should().Be("Opaque");
        result.Keys.Where(key => key.Key != "extra").Should().OnlyContain(key => key.Outcome == SealedKeyOutcome.Untouched);
    }

    [Fact]
    public async Task Moving_a_SealedSecret_to_another_namespace_needs_the_values_or_the_private_key()
    {
        await operation.RunAsync(Options(["password=a", "user=b"]));

        var withoutKey = () => operation.RunAsync(Options(["password=a"]) with { Namespace = "elsewhere" });
        (await withoutKey.Should().ThrowAsync<SecretSealingException>()).Which.ToOneLine()
            .Should().Contain("invalidates every sealed value").And.Contain("no value is given for user").And.Contain("private key");

        var moved = await operation.RunAsync(Options(["password=a"]) with { Namespace = "elsewhere", PrivateKeyPath = SealingKeys.PrivateKeyPath });

        moved.Keys.Should().OnlyContain(key => key.Outcome == SealedKeyOutcome.Resealed);
        moved.Manifest.Target.Should().Be(new SealingTarget("elsewhere", "app-credentials"));
        Unseal(moved.Manifest, "user").Should().Be("b");
    }

    [Fact]
    public async Task A_private_key_of_another_controller_is_a_clear_error()
    {
        var seal = () => operation.RunAsync(Options(["password=a"]) with { PrivateKeyPath = SealingKeys.OtherPrivateKeyPath });

        (await seal.Should().ThrowAsync<SecretSealingException>()).WithMessage("*does not belong to the certificate*");
    }

    [Fact]
    public async Task Nothing_to_seal_is_a_clear_error()
    {
        var seal = () => operation.RunAsync(Options([]));

        (await seal.Should().ThrowAsync<SecretSealingException>()).Which.Hint.Should().Contain("key=value");
    }

    [Fact]
    public async Task A_written_SealedSecret_reads_back_as_the_same_manifest()
    {
        var result = await operation.RunAsync(Options(["password=a"]) with { Type = "kubernetes.io/basic-auth", Scope = SealingScope.ClusterWide });

        var read = SealedSecretManifest.Parse(File.ReadAllText(Output), Output);

        read.ToYaml().Should().Be(result.Manifest.ToYaml());
        read.Template.Type.Should().Be("kubernetes.io/basic-auth");
        read.Scope.Should().Be(SealingScope.ClusterWide);
        read.EncryptedDataLines["password"].Should().BeGreaterThan(read.Line);
    }

    [Fact]
    public void Strings_that_YAML_would_read_as_other_types_are_quoted()
    {
        var manifest = new SealedSecretManifest
        {
            Name = "x",
            Namespace = "y",
            Labels = new Dictionary<string, string> { ["a"] = "yes", ["b"] = "123", ["c"] = "null", ["d"] = "1.10", ["e"] = "plain", ["f"] = "" },
        };

        var yaml = manifest.ToYaml();

        yaml.Should().Contain("a: \"yes\"").And.Contain("b: \"123\"").And.Contain("c: \"null\"").And.Contain("d: \"1.10\"")
            .And.Contain("e: plain").And.Contain("f: \"\"");
        SealedSecretManifest.Parse(yaml, "x.yaml").Labels.Should().BeEquivalentTo(manifest.Labels);
    }

    public void Dispose() => folder.Dispose();

    private SealOptions Options(IReadOnlyList<string> literals) => new()
    {
        CertificatePath = SealingKeys.CertificatePath,
        OutputPath = Output,
        Name = "app-credentials",
        Namespace = "homelab-test",
        Literals = literals,
    };

    private string Unseal(SealedSecretManifest manifest, string key) =>
        Encoding.UTF8.GetString(new SecretUnsealer(keys.PrivateKey).Unseal(Convert.FromBase64String(manifest.EncryptedData[key]), manifest.Target));

    [GeneratedRegex(": [A-Za-z0-9+/]{600,}={0,2}")]
    private static partial Regex SealedValues();
}
