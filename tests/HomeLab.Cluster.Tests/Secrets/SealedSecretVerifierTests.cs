using System.Text;
using HomeLab.Cluster.Secrets;
using k8s.Models;

namespace HomeLab.Cluster.Tests.Secrets;

public sealed class SealedSecretVerifierTests(SealingKeys keys) : IClassFixture<SealingKeys>
{
    [Fact]
    public void Correct_SealedSecrets_have_no_problems_and_every_value_unseals_with_the_private_key()
    {
        var manifests = new[]
        {
            Text("a.yaml", Seal("homelab-test", "one", SealingScope.Strict, ("password", "a"), ("user", "b"))),
            Text("b.yaml", Seal("homelab-test", "two", SealingScope.NamespaceWide, ("token", "c"))),
            Text("c.yaml", Seal(null, "three", SealingScope.ClusterWide, ("token", "d"))),
        };

        var result = new SealedSecretVerifier(keys.Certificate, keys.PrivateKey).Verify(manifests);

        result.Problems.Should().BeEmpty();
        (result.SealedSecretCount, result.ValueCount, result.UnsealedValueCount).Should().Be((3, 4, 4));
    }

    [Fact]
    public void Without_the_private_key_values_are_checked_for_shape_only()
    {
        var result = Verify(withKey: false, Text("a.yaml", Seal("homelab-test", "one", SealingScope.Strict, ("password", "a"))));

        result.Problems.Should().BeEmpty();
        (result.ValueCount, result.UnsealedValueCount).Should().Be((1, 0));
    }

    [Fact]
    public void A_value_that_is_not_base64_is_reported_with_its_key_and_line()
    {
        var yaml = Replace(Seal("homelab-test", "one", SealingScope.Strict, ("password", "a"), ("user", "b")), "user", "not*base64");

        var problem = Verify(withKey: false, Text("a.yaml", yaml)).Problems.Should().ContainSingle().Subject;

        problem.Should().BeEquivalentTo(new { File = "a.yaml", Key = "user", Line = LineOf(yaml, "    user:") });
        problem.Message.Should().Contain("not valid standard base64");
    }

    [Fact]
    public void A_truncated_value_is_reported()
    {
        // The prefix announces 512 bytes of RSA ciphertext; only 300 bytes follow.
        var yaml = Replace(Seal("homelab-test", "one", SealingScope.Strict, ("password", "a")), "password", Convert.ToBase64String([2, 0, .. new byte[300]]));

        Verify(withKey: false, Text("a.yaml", yaml)).Problems.Should().ContainSingle()
            .Which.Message.Should().Contain("length prefix announces");
    }

    [Fact]
    public void A_value_sealed_to_another_key_is_reported_by_its_RSA_ciphertext_length_even_without_the_private_key()
    {
        var yaml = Seal("homelab-test", "one", SealingScope.Strict, keys.OtherCertificate, ("password", "a"));

        var problem = Verify(withKey: false, Text("a.yaml", yaml)).Problems.Should().ContainSingle().Subject;

        problem.Message.Should().Contain("256-byte RSA ciphertext").And.Contain("512-byte").And.Contain("sealed to another key");
        problem.Hint.Should().Contain(SealingKeys.CertificatePath);
    }

    [Fact]
    public void A_value_sealed_for_another_namespace_is_found_with_the_private_key()
    {
        var yaml = Seal("homelab-test", "one", SealingScope.Strict, ("password", "a")).Replace("namespace: homelab-test", "namespace: moved", StringComparison.Ordinal);

        var problem = Verify(withKey: true, Text("a.yaml", yaml)).Problems.Should().ContainSingle().Subject;

        problem.Key.Should().Be("password");
        problem.Message.Should().Contain("does not unseal").And.Contain("'moved/one'");
        Verify(withKey: false, Text("a.yaml", yaml)).Problems.Should().BeEmpty("only the private key can tell where a value was sealed for");
    }

    [Fact]
    public void A_value_sealed_cluster_wide_under_a_strict_SealedSecret_names_its_real_scope()
    {
        var yaml = WithoutLines(
            Seal("homelab-test", "one", SealingScope.ClusterWide, ("password", "a")),
            line => line.Trim() == "annotations:" || line.Contains(SealedSecretsWellKnown.ClusterWideAnnotation, StringComparison.Ordinal));

        var problem = Verify(withKey: true, Text("a.yaml", yaml)).Problems.Should().ContainSingle().Subject;

        problem.Hint.Should().StartWith("It was sealed cluster-wide");
    }

    [Fact]
    public void A_strict_SealedSecret_without_a_namespace_is_reported()
    {
        var yaml = WithoutLines(Seal("homelab-test", "one", SealingScope.Strict, ("password", "a")), line => line.Trim().StartsWith("namespace:", StringComparison.Ordinal));

        Verify(withKey: false, Text("a.yaml", yaml)).Problems.Should().ContainSingle()
            .Which.Message.Should().Be("The strict SealedSecret 'one' has no metadata.namespace, but its values are bound to one.");
    }

    [Fact]
    public void A_scope_annotation_that_is_not_exactly_true_is_reported()
    {
        var yaml = Seal("homelab-test", "one", SealingScope.NamespaceWide, ("password", "a")).Replace("\"true\"", "\"True\"", StringComparison.Ordinal);

        Verify(withKey: false, Text("a.yaml", yaml)).Problems.Should().ContainSingle()
            .Which.Message.Should().Contain("'True', which the controller ignores").And.Contain("strict scope");
    }

    [Fact]
    public void A_scope_that_differs_between_metadata_and_template_is_reported()
    {
        var yaml = Seal("homelab-test", "one", SealingScope.NamespaceWide, ("password", "a"));
        var first = yaml.IndexOf(SealedSecretsWellKnown.NamespaceWideAnnotation, StringComparison.Ordinal);
        yaml = string.Concat(yaml.AsSpan(0, first), SealedSecretsWellKnown.ClusterWideAnnotation, yaml.AsSpan(first + SealedSecretsWellKnown.NamespaceWideAnnotation.Length));

        var problems = Verify(withKey: false, Text("a.yaml", yaml)).Problems;

        problems.Should().ContainSingle().Which.Message.Should().Contain("cluster-wide by metadata.annotations but namespace-wide by spec.template");
    }

    [Fact]
    public void A_strict_SealedSecret_renamed_after_sealing_is_reported_even_without_the_private_key()
    {
        var yaml = Seal("homelab-test", "one", SealingScope.Strict, ("password", "a"));
        var first = yaml.IndexOf("  name: one", StringComparison.Ordinal);
        yaml = string.Concat(yaml.AsSpan(0, first), "  name: two", yaml.AsSpan(first + "  name: one".Length));

        Verify(withKey: false, Text("a.yaml", yaml)).Problems.Should().ContainSingle()
            .Which.Message.Should().Contain("metadata.name 'two' differs from spec.template.metadata.name 'one'");
    }

    [Fact]
    public void A_plain_Secret_beside_a_SealedSecret_of_the_same_name_is_reported_at_the_Secret()
    {
        const string Plain = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: one\n  namespace: homelab-test\nstringData:\n  password: a\n";

        var problem = Verify(withKey: false, Text("sealed.yaml", Seal("homelab-test", "one", SealingScope.Strict, ("password", "a"))), Text("plain.yaml", Plain))
            .Problems.Should().ContainSingle().Subject;

        (problem.File, problem.Line).Should().Be(("plain.yaml", 6));
        problem.Message.Should().Contain("plain Secret 'homelab-test/one'").And.Contain("sealed.yaml:1");
        problem.Hint.Should().Contain("rotate");
    }

    [Fact]
    public void A_plain_Secret_of_another_name_or_namespace_is_not_reported_here()
    {
        const string Plain = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: one\n  namespace: elsewhere\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: other\n  namespace: homelab-test\n";

        Verify(withKey: false, Text("sealed.yaml", Seal("homelab-test", "one", SealingScope.Strict, ("password", "a"))), Text("plain.yaml", Plain))
            .Problems.Should().BeEmpty();
    }

    [Fact]
    public void Two_SealedSecrets_for_one_Secret_are_reported()
    {
        var yaml = Seal("homelab-test", "one", SealingScope.Strict, ("password", "a"));

        Verify(withKey: false, Text("a.yaml", yaml), Text("b.yaml", yaml)).Problems.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { File = "b.yaml", Line = 1 });
    }

    [Fact]
    public void A_SealedSecret_without_values_is_reported()
    {
        const string Empty = "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: one\n  namespace: homelab-test\nspec:\n  encryptedData: {}\n";

        Verify(withKey: false, Text("a.yaml", Empty)).Problems.Should().ContainSingle().Which.Message.Should().Contain("no spec.encryptedData values");
    }

    [Fact]
    public void A_SealedSecret_without_a_name_or_with_the_wrong_api_version_is_reported()
    {
        const string Broken = "apiVersion: bitnami.com/v1\nkind: SealedSecret\nmetadata:\n  namespace: homelab-test\nspec:\n  encryptedData: {}\n";

        Verify(withKey: false, Text("a.yaml", Broken)).Problems.Select(problem => problem.Message)
            .Should().Equal("The SealedSecret has apiVersion 'bitnami.com/v1', not 'bitnami.com/v1alpha1'.", "The SealedSecret has no metadata.name.");
    }

    [Fact]
    public void Invalid_YAML_is_reported_with_its_line_and_other_files_are_still_checked()
    {
        var result = Verify(withKey: false, Text("broken.yaml", "a: b\nc: [d\n"), Text("a.yaml", Seal("homelab-test", "one", SealingScope.Strict, ("password", "a"))));

        result.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { File = "broken.yaml", Key = (string?)null });
        result.Problems[0].Line.Should().BePositive();
        result.SealedSecretCount.Should().Be(1);
    }

    [Fact]
    public void A_private_key_that_does_not_belong_to_the_certificate_is_a_clear_error()
    {
        var create = () => new SealedSecretVerifier(keys.Certificate, keys.OtherPrivateKey);

        create.Should().Throw<SecretSealingException>().WithMessage("*does not belong to the certificate*");
    }

    [Fact]
    public async Task The_operation_reads_files_reports_unreadable_ones_and_passes_on_certificate_warnings()
    {
        using var folder = new TemporaryFolder();
        var good = folder.Write("good.yaml", Seal("homelab-test", "one", SealingScope.Strict, ("password", "a")));
        var missing = folder.File("missing.yaml");
        var afterExpiry = new FixedTimeProvider(new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var result = await new VerifySealedSecretsOperation(afterExpiry).RunAsync(new VerifySealedSecretsOptions
        {
            Files = [good, missing],
            CertificatePath = SealingKeys.CertificatePath,
            PrivateKeyPath = SealingKeys.PrivateKeyPath,
        });

        result.Problems.Should().ContainSingle().Which.File.Should().Be(missing);
        result.UnsealedValueCount.Should().Be(1);
        result.Warnings.Should().ContainSingle().Which.Should().Contain("expired");
    }

    private static ManifestText Text(string source, string yaml) => new(source, yaml);

    private static int LineOf(string yaml, string start) =>
        yaml.Split('\n').Select((line, index) => (line, index)).First(pair => pair.line.StartsWith(start, StringComparison.Ordinal)).index + 1;

    private static string WithoutLines(string yaml, Func<string, bool> remove) => string.Join('\n', yaml.Split('\n').Where(line => !remove(line)));

    private static string Replace(string yaml, string key, string value)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, line => line.StartsWith($"    {key}: ", StringComparison.Ordinal));
        lines[index] = $"    {key}: {value}";
        return string.Join('\n', lines);
    }

    private SealedSecretVerification Verify(bool withKey, params ManifestText[] manifests) =>
        new SealedSecretVerifier(keys.Certificate, withKey ? keys.PrivateKey : null).Verify(manifests);

    private string Seal(string? @namespace, string name, SealingScope scope, params (string Key, string Value)[] values) =>
        Seal(@namespace, name, scope, keys.Certificate, values);

    private static string Seal(string? @namespace, string name, SealingScope scope, SealingCertificate certificate, params (string Key, string Value)[] values)
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = @namespace,
                Annotations = SealingScopes.WithScope(null, scope),
            },
            StringData = values.ToDictionary(value => value.Key, value => value.Value),
        };
        return new SealedSecretBuilder(new SecretSealer(certificate)).Build(secret).Manifest.ToYaml();
    }
}
