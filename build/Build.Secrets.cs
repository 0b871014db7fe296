using HomeLab.Cluster.Client;
using HomeLab.Cluster.Secrets;
using HomeLab.Targets;

/// <summary>Sealed Secrets, sealed and checked in C#: no kubeseal binary on any machine.</summary>
partial class Build
{
    const string SealingCertFile = "sealing-cert.pem";
    const string SealingKeyFile = "sealing-key.pem";
    const string SealingKeySecretFile = "sealing-key-secret.yaml";

    [Parameter("Seal: the certificate (PEM) to seal for; default clusters/<environment>/sealing-cert.pem.")]
    readonly AbsolutePath? Cert;

    [Parameter("Seal: the Secret's namespace.")]
    readonly string? Namespace;

    [Parameter("Seal: the Secret's name.")]
    readonly string? Name;

    [Parameter("Seal: a value as key=value (repeatable).")]
    [Secret]
    readonly string[] Literal = [];

    [Parameter("Seal: a value read from a file, as key=path (repeatable).")]
    readonly string[] FromFile = [];

    [Parameter("Seal: a plain Secret manifest to seal instead of literals.")]
    readonly AbsolutePath? Secret;

    [Parameter("Seal: strict (namespace and name), namespace-wide or cluster-wide.")]
    readonly SealingScope? Scope;

    [Parameter("Seal: re-seal values whose ciphertext cannot be checked without the private key; RotateTestKey: allow an environment other than k3d.")]
    readonly bool Force;

    [Parameter("Seal: drop keys of the existing SealedSecret that were not given.")]
    readonly bool Prune;

    [Parameter("The environments to work on (directories under clusters/); default: all, or k3d for RotateTestKey.", Name = "environment")]
    readonly string[] Environments = [];

    [Parameter("Where results go: for Seal, the SealedSecret file (default: standard output).")]
    readonly string[] Output = [];

    [Parameter("The kubeconfig context for targets that talk to a cluster; default: the current context.")]
    readonly string? KubeContext;

    Target Seal => _ => _
        .Description("Seals literals, files or a plain Secret manifest into a SealedSecret for an environment's certificate.")
        .Executes(async (context, ct) =>
        {
            var output = SealOutput();
            var certificate = Cert?.Value ?? EnvironmentFile(SingleEnvironment("Seal needs --cert <pem> or one --environment"), SealingCertFile);
            var environmentKey = Cert is null ? EnvironmentFile(SingleEnvironment(string.Empty), SealingKeyFile) : null;
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
                    ResealFiles = SealedSecretFiles(RootDirectory / "clusters" / environment),
                },
                ct));
            context.AddNote($"key {result.Fingerprint}, {result.ResealedFiles.Count} files re-sealed");
        });

    Target VerifySealedSecrets => _ => _
        .Description("Checks every SealedSecret offline: sealed for its environment's certificate, scope agrees with where it lives.")
        .ProceedAfterFailure()
        .Executes(async (context, ct) =>
        {
            var shared = SealedSecretFiles(RootDirectory / "manifests");
            ReportOnce(context, shared.Select(file => SecretFinding(
                "secrets/shared-sealed-secret",
                "a SealedSecret is sealed for one environment's certificate, so it cannot live in the shared manifests/ tree",
                "move it under clusters/<environment>/ and seal it once per environment",
                file,
                1)), null);

            var counted = 0;
            foreach (var environment in SelectedEnvironments())
            {
                var files = SealedSecretFiles(RootDirectory / "clusters" / environment);
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
                    new VerifySealedSecretsOptions { Files = files, CertificatePath = certificate, PrivateKeyPath = File.Exists(key) ? key : null }, ct));
                ReportOnce(context, verification.Problems.Select(p => SecretFinding("secrets/sealed-secret", p.Key is null ? p.Message : $"{p.Key}: {p.Message}", p.Hint, p.File, p.Line ?? 1)), environment);

                foreach (var warning in verification.Warnings)
                {
                    context.Report(new BuildAnnotation(AnnotationSeverity.Warning, warning, certificate));
                }

                counted += verification.SealedSecretCount;
            }

            context.AddNote($"{counted} SealedSecrets");
        });

    static HomeLab.Manifests.Findings.Finding SecretFinding(string rule, string message, string hint, string file, int line) =>
        new(rule, HomeLab.Manifests.Findings.Severity.Error, message) { Span = HomeLab.Manifests.Yaml.SourceSpan.At(file, line, 1), Hint = hint };

    /// <summary>The one environment a target works on, from --environment.</summary>
    string SingleEnvironment(string need)
    {
        var known = KnownEnvironments();
        if (Environments.Length != 1)
        {
            throw new TargetFailedException($"{need} (one of: {string.Join(", ", known)}).");
        }

        var environment = Environments[0];
        return known.Contains(environment, StringComparer.Ordinal)
            ? environment
            : throw new TargetFailedException($"Unknown environment '{environment}': the environments are the directories under clusters/ ({string.Join(", ", known)}).");
    }

    /// <summary>The environments selected with --environment, or all of them.</summary>
    IReadOnlyList<string> SelectedEnvironments()
    {
        var known = KnownEnvironments();
        foreach (var name in Environments.Where(e => !known.Contains(e, StringComparer.Ordinal)))
        {
            throw new TargetFailedException($"Unknown environment '{name}': the environments are the directories under clusters/ ({string.Join(", ", known)}).");
        }

        return Environments.Length == 0 ? known : Environments;
    }

    IReadOnlyList<string> KnownEnvironments()
    {
        var clusters = RootDirectory / "clusters";
        return Directory.Exists(clusters)
            ? [.. Directory.GetDirectories(clusters).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    string EnvironmentFile(string environment, string file) => RootDirectory / "clusters" / environment / file;

    string? SealOutput() => Output switch
    {
        [] => null,
        [var path] => AbsolutePath.Create(path, RootDirectory).Value,
        _ => throw new TargetFailedException("Seal writes one SealedSecret: give --output once."),
    };

    static List<string> SealedSecretFiles(string directory) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Where(f => File.ReadAllText(f).Contains("kind: SealedSecret", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)];

    ClusterConnection ConnectToCluster()
    {
        try
        {
            return ClusterConnection.Connect(new ClusterConnectionOptions { Context = KubeContext });
        }
        catch (ClusterConnectionException exception)
        {
            throw new TargetFailedException(exception.Message);
        }
    }

    /// <summary>Turns a user error of the sealing library into a one-line target failure.</summary>
    static async Task<T> SecretsAction<T>(Func<Task<T>> action)
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
