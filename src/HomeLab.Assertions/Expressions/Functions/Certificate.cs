using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>kyverno's <c>x509_decode(pem)</c>: the certificate's main fields, named as Go's <c>x509.Certificate</c> names them.</summary>
internal static class Certificate
{
    public static JToken Decode(string pem)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new ExpressionException($"x509_decode: not a PEM certificate: {ex.Message}");
        }

        using (certificate)
        {
            var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
            var basic = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
            return new JObject
            {
                ["Version"] = certificate.Version,
                ["SerialNumber"] = new JValue(System.Numerics.BigInteger.Parse("0" + certificate.SerialNumber, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ["Issuer"] = Name(certificate.IssuerName),
                ["Subject"] = Name(certificate.SubjectName),
                ["NotBefore"] = GoTime.Rfc3339(new DateTimeOffset(certificate.NotBefore.ToUniversalTime())),
                ["NotAfter"] = GoTime.Rfc3339(new DateTimeOffset(certificate.NotAfter.ToUniversalTime())),
                ["DNSNames"] = san is null ? JValue.CreateNull() : new JArray(san.EnumerateDnsNames()),
                ["IPAddresses"] = san is null ? JValue.CreateNull() : new JArray(san.EnumerateIPAddresses().Select(a => a.ToString())),
                ["IsCA"] = basic?.CertificateAuthority ?? false,
                ["SignatureAlgorithm"] = certificate.SignatureAlgorithm.FriendlyName,
                ["PublicKeyAlgorithm"] = certificate.PublicKey.Oid.FriendlyName,
            };
        }
    }

    private static JObject Name(X500DistinguishedName name)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            var key = rdn.GetSingleElementType().Value switch
            {
                "2.5.4.3" => "CommonName",
                "2.5.4.6" => "Country",
                "2.5.4.7" => "Locality",
                "2.5.4.8" => "Province",
                "2.5.4.10" => "Organization",
                "2.5.4.11" => "OrganizationalUnit",
                "2.5.4.5" => "SerialNumber",
                _ => null,
            };
            if (key is not null)
            {
                (fields.TryGetValue(key, out var list) ? list : fields[key] = []).Add(rdn.GetSingleElementValue() ?? string.Empty);
            }
        }

        var result = new JObject();
        foreach (var (key, values) in fields)
        {
            result[key] = key is "CommonName" or "SerialNumber" ? values[0] : new JArray(values);
        }

        result["CommonName"] ??= string.Empty;
        return result;
    }
}
