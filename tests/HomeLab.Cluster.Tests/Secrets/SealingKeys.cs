using HomeLab.Cluster.Secrets;

namespace HomeLab.Cluster.Tests.Secrets;

/// <summary>
/// The pre-generated fixture key pairs (made with openssl, so no test waits for key generation): a 4096-bit pair like
/// the controller's and a 2048-bit one standing for "another controller". Shared per test class.
/// </summary>
public sealed class SealingKeys : IDisposable
{
    public SealingKeys()
    {
        Certificate = SealingCertificate.Load(CertificatePath, Clock);
        PrivateKey = SealingPrivateKey.Load(PrivateKeyPath);
        OtherCertificate = SealingCertificate.Load(OtherCertificatePath, Clock);
        OtherPrivateKey = SealingPrivateKey.Load(OtherPrivateKeyPath);
    }

    /// <summary>A fixed "now" inside every fixture certificate's validity.</summary>
    public static FixedTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static string CertificatePath => Fixture("sealing-4096.crt");

    public static string PrivateKeyPath => Fixture("sealing-4096.key");

    public static string OtherCertificatePath => Fixture("other-2048.crt");

    public static string OtherPrivateKeyPath => Fixture("other-2048.key");

    public SealingCertificate Certificate { get; }

    public SealingPrivateKey PrivateKey { get; }

    public SealingCertificate OtherCertificate { get; }

    public SealingPrivateKey OtherPrivateKey { get; }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Secrets", name);

    public void Dispose()
    {
        Certificate.Dispose();
        PrivateKey.Dispose();
        OtherCertificate.Dispose();
        OtherPrivateKey.Dispose();
    }
}
