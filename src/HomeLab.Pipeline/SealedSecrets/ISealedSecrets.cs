using HomeLab.Cluster.Secrets;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;
using HomeLab.Pipeline.ClusterAccess;
using HomeLab.Pipeline.Environments;
using HomeLab.Pipeline.Findings;
using HomeLab.Targets;

namespace HomeLab.Pipeline.SealedSecrets;

/// <summary>A component: Sealed Secrets, sealed and checked in C#, so no machine needs the kubeseal binary.</summary>
public interface ISealedSecrets : IEnvironments, IClusterAccess, IFindingReports
{
    /// <summary>The certificate file of an environment, beside its definition.</summary>
    const string SealingCertFile = "sealing-cert.pem";

    /// <summary>The test key pair's private key (k3d only).</summary>
    const string SealingKeyFile = "sealing-key.pem";

    /// <summary>The controller's key Secret for the test key (k3d only).</summary>
    const string SealingKeySecretFile = "sealing-key-secret.yaml";

    /// <summary>The certificate to seal for.</summary>
    [Parameter("Seal: the certificate (PEM) to seal for; default clusters/<environment>/sealing-cert.pem.")]
    AbsolutePath? Cert => TryGetValue(() => Cert);

    /// <summary>The Secret's namespace.</summary>
    [Parameter("Seal: the Secret's namespace.")]
    string? Namespace => TryGetValue(() => Namespace);

    /// <summary>The Secret's name.</summary>
    [Parameter("Seal: the Secret's name.")]
    string? Name => TryGetValue(() => Name);

    /// <summary>Values as <c>key=value</c>.</summary>
    [Parameter("Seal: a value as key=value (repeatable).")]
    [Secret]
    string[] Literal => TryGetValue(() => Literal) ?? [];

    /// <summary>Values read from files, as <c>key=path</c>.</summary>
    [Parameter("Seal: a value read from a file, as key=path (repeatable).")]
    string[] FromFile => TryGetValue(() => FromFile) ?? [];

    /// <summary>A plain Secret manifest to seal.</summary>
    [Parameter("Seal: a plain Secret manifest to seal instead of literals.")]
    AbsolutePath? Secret => TryGetValue(() => Secret);

    /// <summary>The sealing scope.</summary>
    [Parameter("Seal: strict (namespace and name), namespace-wide or cluster-wide.")]
    SealingScope? Scope => TryGetValue(() => Scope);

    /// <summary>Whether to re-seal values that cannot be checked, or rotate a key outside k3d.</summary>
    [Parameter("Seal: re-seal values whose ciphertext cannot be checked without the private key; RotateTestKey: allow an environment other than k3d.")]
    bool Force => TryGetValue<bool?>(() => Force) ?? false;

    /// <summary>Whether to drop keys of the existing SealedSecret that were not given.</summary>
    [Parameter("Seal: drop keys of the existing SealedSecret that were not given.")]
    bool Prune => TryGetValue<bool?>(() => Prune) ?? false;

    /// <summary>Seals values into a SealedSecret.</summary>
    Target Seal => _ => _
        .Description("Seals literals, files or a plain Secret manifest into a SealedSecret for an environment's certificate.")
        .Executes(async (context, ct) =>
        {
            var output = Output switch
            {
                [] => null,
                [var path] => AbsolutePath.Create(path, RootDirectory).Value,
                _ => throw new TargetFailedException("Seal writes one SealedSecret: give --output once."),
            };
            var certificate = Cert?.Value ?? EnvironmentFile(SingleEnvironment("Seal needs --cert <pem> or one --environment"), SealingCertFile);
            var environmentKey = Cert is null ? EnvironmentFile(SingleEnvironment(string.Empty), SealingKeyFile).Value : null;
            var result = await SecretsAction(() => new SealOperation(Time).RunAsync(
                new SealOptions
                {
                    CertificatePath = certificate,
                    OutputPath = output,
                    SecretManifestPath = Secret?.Value,
                    Literals = Literal,
                    Files = FromFile,
                    Name = Name,
                    Namespace = Namespace,
                    Scope = Scope,
                    PrivateKeyPath = environmentKey is not null && File.Exists(environmentKey) ? environmentKey : null,
                    Force = Force,
                    Prune = Prune,
                },
                ct));
            foreach (var warning in result.Warnings)
            {
                context.Report(new BuildAnnotation(AnnotationSeverity.Warning, warning, output ?? certificate));
            }

            if (output is null)
            {
                Console.Write(result.Manifest.ToYaml());
            }

            context.AddNote(result.Summarize());
        });

    /// <summary>Fetches the controller's certificate from a cluster.</summary>
    Target FetchSealingCert => _ => _
        .Description("Fetches the Sealed Secrets controller's certificate from a cluster into clusters/<environment>/sealing-cert.pem.")
        .Exclusive("cluster")
        .Executes(async (context, ct) =>
        {
            var environment = SingleEnvironment("FetchSealingCert needs one --environment to write the certificate for");
            using var connection = ConnectToCluster();
            var result = await SecretsAction(() => new FetchSealingCertOperation(connection.Kubernetes, Time).RunAsync(
                new FetchSealingCertOptions { OutputPath = EnvironmentFile(environment, SealingCertFile) }, ct));
            foreach (var warning in result.Warnings)
            {
                context.Report(new BuildAnnotation(AnnotationSeverity.Warning, warning, result.OutputPath));
            }

            context.AddNote($"{result.KeySizeBits}-bit key {result.Fingerprint}, valid until {result.NotAfter:yyyy-MM-dd}{(result.Changed ? string.Empty : ", unchanged")}");
        });

    /// <summary>Regenerates the k3d test key pair and re-seals for it.</summary>
    Target RotateTestKey => _ => _
        .Description("Regenerates the k3d test key pair, the controller's key Secret, and re-seals k3d's SealedSecrets for it.")
        .Executes(async (context, ct) =>
        {
            var environment = Environments.Length == 0 ? "k3d" : SingleEnvironment("RotateTestKey works on one environment");
            if (environment != "k3d" && !Force)
            {
                throw new TargetFailedException($"RotateTestKey writes a private key into clusters/{environment}/: only the k3d test key belongs in git. Pass --force if {environment} is a test environment too.");
            }

            var result = await SecretsAction(() => new RotateTestKeyOperation(Time).RunAsync(
                new RotateTestKeyOptions
                {
                    CertificatePath = EnvironmentFile(environment, SealingCertFile),
                    PrivateKeyPath = EnvironmentFile(environment, SealingKeyFile),
                    ControllerSecretPath = EnvironmentFile(environment, SealingKeySecretFile),
                    ResealFiles = [.. SealedSecretFiles.Under(RootDirectory / "clusters" / environment)],
                },
                ct));
            context.AddNote($"key {result.Fingerprint}, {result.ResealedFiles.Count} files re-sealed");
        });

    /// <summary>Checks every SealedSecret offline.</summary>
    Target VerifySealedSecrets => _ => _
        .Description("Checks every SealedSecret offline: sealed for its environment's certificate, scope agrees with where it lives.")
        .ProceedAfterFailure()
        .Executes(async (context, ct) =>
        {
            var shared = SealedSecretFiles.Under(RootDirectory / "manifests");
            ReportOnce(context, shared.Select(file => SecretFinding(
                "secrets/shared-sealed-secret",
                "a SealedSecret is sealed for one environment's certificate, so it cannot live in the shared manifests/ tree",
                "move it under clusters/<environment>/ and seal it once per environment",
                file,
                1)), null);

            var counted = 0;
            foreach (var environment in SelectedEnvironments())
            {
                var files = SealedSecretFiles.Under(RootDirectory / "clusters" / environment);
                if (files.Count == 0)
                {
                    continue;
                }

                var certificate = EnvironmentFile(environment, SealingCertFile);
                if (!File.Exists(certificate))
                {
                    ReportOnce(context, [SecretFinding("secrets/no-certificate", $"clusters/{environment} has SealedSecrets but no {SealingCertFile}", $"run ./build.sh FetchSealingCert --environment {environment}", files[0], 1)], environment);
                    continue;
                }

                var key = EnvironmentFile(environment, SealingKeyFile);
                var verification = await SecretsAction(() => new VerifySealedSecretsOperation(Time).RunAsync(
                    new VerifySealedSecretsOptions { Files = [.. files], CertificatePath = certificate, PrivateKeyPath = File.Exists(key) ? key.Value : null }, ct));
                ReportOnce(context, verification.Problems.Select(p => SecretFinding("secrets/sealed-secret", p.Key is null ? p.Message : $"{p.Key}: {p.Message}", p.Hint, p.File, p.Line ?? 1)), environment);

                foreach (var warning in verification.Warnings)
                {
                    context.Report(new BuildAnnotation(AnnotationSeverity.Warning, warning, certificate));
                }

                counted += verification.SealedSecretCount;
            }

            context.AddNote($"{counted} SealedSecrets");
        });

    private static Finding SecretFinding(string rule, string message, string hint, string file, int line) =>
        new(rule, Severity.Error, message) { Span = SourceSpan.At(file, line, 1), Hint = hint };

    /// <summary>Turns a user error of the sealing library into a one-line target failure.</summary>
    private static async Task<T> SecretsAction<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (SecretSealingException exception)
        {
            throw new TargetFailedException(exception.ToOneLine());
        }
    }
}
