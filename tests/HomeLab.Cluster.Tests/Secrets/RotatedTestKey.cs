using HomeLab.Cluster.Secrets;

namespace HomeLab.Cluster.Tests.Secrets;

/// <summary>One real 4096-bit key pair made by <see cref="RotateTestKeyOperation"/>, shared by a test class (generation takes seconds).</summary>
public sealed class RotatedTestKey : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 30, 45, TimeSpan.Zero);

    public TemporaryFolder Folder { get; } = new();

    public RotateTestKeyResult Result { get; private set; } = null!;

    public RotateTestKeyOptions Options => new()
    {
        CertificatePath = Folder.File("k3d/sealing.crt"),
        PrivateKeyPath = Folder.File("k3d/sealing.key"),
        ControllerSecretPath = Folder.File("k3d/sealing-key-secret.yaml"),
    };

    public async Task InitializeAsync() =>
        Result = await new RotateTestKeyOperation(new FixedTimeProvider(Now.AddTicks(1234))).RunAsync(Options);

    public Task DisposeAsync()
    {
        Folder.Dispose();
        return Task.CompletedTask;
    }
}
