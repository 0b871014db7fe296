using HomeLab.Pipeline.SealedSecrets;

namespace HomeLab.Pipeline.Tests.SealedSecrets;

public sealed class SealedSecretFilesTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("homelab-sealed-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Files_holding_a_sealed_secret_object_are_found_and_mentions_in_text_are_not()
    {
        Write("apps/db-credentials.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\n  namespace: apps\nspec:\n  encryptedData: {}\n");
        Write("apps/readme-config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\ndata:\n  note: |\n    kind: SealedSecret is how we store passwords\n");
        Write("apps/plain.yml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");

        SealedSecretFiles.Under(root).Should().Equal(Path.Combine(root, "apps", "db-credentials.yaml"));
    }

    [Fact]
    public void A_missing_directory_has_no_sealed_secrets()
    {
        SealedSecretFiles.Under(Path.Combine(root, "nothing-here")).Should().BeEmpty();
    }
}
