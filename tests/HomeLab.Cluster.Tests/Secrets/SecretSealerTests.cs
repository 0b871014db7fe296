using System.Buffers.Binary;
using System.Text;
using HomeLab.Cluster.Secrets;

namespace HomeLab.Cluster.Tests.Secrets;

public sealed class SecretSealerTests(SealingKeys keys) : IClassFixture<SealingKeys>
{
    private static readonly byte[] Value = Encoding.UTF8.GetBytes("hunter2");

    [Theory]
    [InlineData(SealingScope.Strict)]
    [InlineData(SealingScope.NamespaceWide)]
    [InlineData(SealingScope.ClusterWide)]
    public void Sealed_values_unseal_to_the_original_for_every_scope(SealingScope scope)
    {
        var target = new SealingTarget("homelab-test", "app-credentials", scope);

        var sealedBytes = new SecretSealer(keys.Certificate).Seal(Value, target);

        new SecretUnsealer(keys.PrivateKey).Unseal(sealedBytes, target).Should().Equal(Value);
    }

    [Fact]
    public void An_empty_value_round_trips()
    {
        var target = new SealingTarget("homelab-test", "app-credentials");

        var sealedBytes = new SecretSealer(keys.Certificate).Seal([], target);

        new SecretUnsealer(keys.PrivateKey).Unseal(sealedBytes, target).Should().BeEmpty();
    }

    [Theory]
    [InlineData(SealingScope.Strict)]
    [InlineData(SealingScope.NamespaceWide)]
    public void A_value_sealed_for_namespace_a_does_not_unseal_in_namespace_b(SealingScope scope)
    {
        var sealedBytes = new SecretSealer(keys.Certificate).Seal(Value, new SealingTarget("a", "app-credentials", scope));

        var unsealed = new SecretUnsealer(keys.PrivateKey)
            .TryUnseal(sealedBytes, new SealingTarget("b", "app-credentials", scope), out _, out var failure);

        unsealed.Should().BeFalse();
        failure.Should().Contain("does not decrypt").And.Contain("'b");
    }

    [Fact]
    public void A_strict_value_does_not_unseal_under_another_name_but_a_namespace_wide_one_does()
    {
        var sealer = new SecretSealer(keys.Certificate);
        var unsealer = new SecretUnsealer(keys.PrivateKey);
        var strict = sealer.Seal(Value, new SealingTarget("a", "one", SealingScope.Strict));
        var namespaceWide = sealer.Seal(Value, new SealingTarget("a", "one", SealingScope.NamespaceWide));

        unsealer.TryUnseal(strict, new SealingTarget("a", "two", SealingScope.Strict), out _, out _).Should().BeFalse();
        unsealer.Unseal(namespaceWide, new SealingTarget("a", "two", SealingScope.NamespaceWide)).Should().Equal(Value);
    }

    [Fact]
    public void A_cluster_wide_value_unseals_in_any_namespace_and_a_strict_label_does_not_open_it()
    {
        var sealedBytes = new SecretSealer(keys.Certificate).Seal(Value, new SealingTarget(null, null, SealingScope.ClusterWide));
        var unsealer = new SecretUnsealer(keys.PrivateKey);

        unsealer.Unseal(sealedBytes, new SealingTarget("anywhere", "any-name", SealingScope.ClusterWide)).Should().Equal(Value);
        unsealer.TryUnseal(sealedBytes, new SealingTarget("anywhere", "any-name", SealingScope.Strict), out _, out _).Should().BeFalse();
        unsealer.FindScope(sealedBytes, "anywhere", "any-name").Should().Be(SealingScope.ClusterWide);
    }

    [Fact]
    public void A_value_sealed_to_another_key_does_not_unseal()
    {
        var target = new SealingTarget("a", "one");
        var sealedBytes = new SecretSealer(keys.OtherCertificate).Seal(Value, target);

        new SecretUnsealer(keys.PrivateKey).TryUnseal(sealedBytes, target, out _, out var failure).Should().BeFalse();

        failure.Should().Contain("256 bytes").And.Contain("512-byte");
    }

    [Fact]
    public void Changing_a_byte_anywhere_in_a_sealed_value_makes_unsealing_fail()
    {
        // Every byte of the length prefix and of the AES-GCM part, and every 8th byte of the RSA part (each costs a
        // private-key operation, and any change there scrambles the whole OAEP block). The 2048-bit fixture key keeps it quick.
        var target = new SealingTarget("homelab-test", "app-credentials");
        var sealedBytes = new SecretSealer(keys.OtherCertificate).Seal(Encoding.UTF8.GetBytes("abc"), target);
        var unsealer = new SecretUnsealer(keys.OtherPrivateKey);
        var rsaPart = Enumerable.Range(2, 256).Where(position => position % 8 == 2 || position == 257);
        var positions = new[] { 0, 1 }.Concat(rsaPart).Concat(Enumerable.Range(2 + 256, 3 + 16)).ToList();
        var survivors = new List<int>();

        foreach (var position in positions)
        {
            var tampered = (byte[])sealedBytes.Clone();
            tampered[position] ^= 0x01;
            if (unsealer.TryUnseal(tampered, target, out _, out _))
            {
                survivors.Add(position);
            }
        }

        positions.Should().HaveCount(2 + 33 + 19);
        survivors.Should().BeEmpty("every byte is covered by the length prefix, OAEP or the GCM tag");
        unsealer.Unseal(sealedBytes, target).Should().Equal(Encoding.UTF8.GetBytes("abc"), "the untampered value still unseals");
    }

    [Fact]
    public void Truncating_a_sealed_value_makes_unsealing_fail_with_a_reason()
    {
        var target = new SealingTarget("homelab-test", "app-credentials");
        var sealedBytes = new SecretSealer(keys.Certificate).Seal(Value, target);
        var unsealer = new SecretUnsealer(keys.PrivateKey);

        unsealer.TryUnseal(sealedBytes[..^1], target, out _, out var shortTag).Should().BeFalse();
        unsealer.TryUnseal(sealedBytes[..100], target, out _, out var shortRsa).Should().BeFalse();
        unsealer.TryUnseal(sealedBytes[..1], target, out _, out var noPrefix).Should().BeFalse();

        shortTag.Should().Contain("tag");
        shortRsa.Should().Contain("length prefix announces a 512-byte RSA ciphertext");
        noPrefix.Should().Contain("too short");
    }

    [Fact]
    public void The_layout_is_a_length_prefix_the_RSA_ciphertext_and_the_GCM_ciphertext_with_a_16_byte_tag()
    {
        var plaintext = Encoding.UTF8.GetBytes("twenty-one characters");

        var sealedBytes = new SecretSealer(keys.Certificate).Seal(plaintext, new SealingTarget("a", "b"));

        BinaryPrimitives.ReadUInt16BigEndian(sealedBytes).Should().Be(512, "a 4096-bit key makes 512-byte ciphertexts");
        sealedBytes.Should().HaveCount(2 + 512 + plaintext.Length + 16);
        SealedValue.TryParse(sealedBytes, out var value, out _).Should().BeTrue();
        value!.EncryptedSessionKey.Length.Should().Be(keys.Certificate.RsaCiphertextLength);
        value.EncryptedPayload.Length.Should().Be(plaintext.Length + SealedValue.TagSize);
        value.PlaintextLength.Should().Be(plaintext.Length);
    }

    [Fact]
    public void Every_seal_uses_a_fresh_session_key()
    {
        var sealer = new SecretSealer(keys.Certificate);
        var target = new SealingTarget("a", "b");

        var first = sealer.Seal(Value, target);
        var second = sealer.Seal(Value, target);

        first.AsSpan(2 + 512).ToArray().Should().NotEqual(second.AsSpan(2 + 512).ToArray());
    }

    [Fact]
    public void An_injected_random_source_makes_sealing_reproducible()
    {
        var target = new SealingTarget("a", "b");

        var first = new SecretSealer(keys.Certificate, new FixedRandom("seed")).Seal(Value, target);
        var second = new SecretSealer(keys.Certificate, new FixedRandom("seed")).Seal(Value, target);
        var other = new SecretSealer(keys.Certificate, new FixedRandom("another seed")).Seal(Value, target);

        first.Should().Equal(second);
        first.Should().NotEqual(other);
    }

    [Fact]
    public void Sealing_strict_without_a_namespace_is_a_clear_error()
    {
        var seal = () => new SecretSealer(keys.Certificate).Seal(Value, new SealingTarget(null, "app-credentials"));

        seal.Should().Throw<SecretSealingException>()
            .Which.ToOneLine().Should().Contain("has no namespace").And.Contain("Hint:").And.Contain("cluster-wide");
    }

    [Fact]
    public void Sealing_strict_without_a_name_is_a_clear_error()
    {
        var seal = () => new SecretSealer(keys.Certificate).Seal(Value, new SealingTarget("homelab-test", null));

        seal.Should().Throw<SecretSealingException>().WithMessage("*needs a name*");
    }

    [Theory]
    [InlineData(SealingScope.Strict, "ns/name")]
    [InlineData(SealingScope.NamespaceWide, "ns")]
    [InlineData(SealingScope.ClusterWide, "")]
    public void The_label_encodes_the_scope(SealingScope scope, string label)
    {
        new SealingTarget("ns", "name", scope).GetLabel().Should().Equal(Encoding.UTF8.GetBytes(label));
    }

    [Theory]
    [InlineData("strict", SealingScope.Strict)]
    [InlineData("", SealingScope.Strict)]
    [InlineData("namespace-wide", SealingScope.NamespaceWide)]
    [InlineData("cluster-wide", SealingScope.ClusterWide)]
    public void Scope_names_parse_like_kubeseal(string text, SealingScope scope)
    {
        SealingScopes.Parse(text).Should().Be(scope);
        SealingScopes.Format(scope).Should().Be(text.Length == 0 ? "strict" : text);
    }

    [Fact]
    public void An_unknown_scope_name_lists_the_known_ones()
    {
        var parse = () => SealingScopes.Parse("cluster");

        parse.Should().Throw<SecretSealingException>().Which.Hint.Should().Contain("strict, namespace-wide or cluster-wide");
    }

    [Fact]
    public void The_controller_reads_the_scope_from_annotations_and_cluster_wide_wins()
    {
        var both = new Dictionary<string, string>
        {
            [SealedSecretsWellKnown.NamespaceWideAnnotation] = "true",
            [SealedSecretsWellKnown.ClusterWideAnnotation] = "true",
        };
        var capitalised = new Dictionary<string, string> { [SealedSecretsWellKnown.ClusterWideAnnotation] = "True" };

        SealingScopes.FromAnnotations(both).Should().Be(SealingScope.ClusterWide);
        SealingScopes.FromAnnotations(capitalised).Should().Be(SealingScope.Strict, "only the exact string \"true\" counts");
        SealingScopes.FromAnnotations(null).Should().Be(SealingScope.Strict);
    }
}
