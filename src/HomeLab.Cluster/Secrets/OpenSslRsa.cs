using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// The raw RSA private-key operation (<c>c^d mod n</c>, no padding) through the system's OpenSSL 3 <c>libcrypto</c>,
/// which .NET itself uses on Linux but exposes only with its own OAEP (no label). OpenSSL does one RSA-4096 private
/// operation in about 4 ms where BouncyCastle's managed one takes about 90 ms, and every sealed value costs one: the
/// OAEP decoding with the sealing label stays in BouncyCastle (<see cref="RsaOaep"/>), on top of this engine.
/// Where no OpenSSL 3 answers (macOS, Windows, an old distribution), <see cref="TryCreate"/> returns null and the
/// managed engine is used: the same results, only slower.
/// </summary>
internal sealed class OpenSslRsa : IAsymmetricBlockCipher, IDisposable
{
    private const int NoPadding = 3; // RSA_NO_PADDING

    private static readonly Lazy<Functions?> Library = new(Functions.Load);

    private readonly IntPtr key;
    private readonly int size;
    private bool disposed;

    private OpenSslRsa(IntPtr key, int size)
    {
        this.key = key;
        this.size = size;
    }

    ~OpenSslRsa() => Free();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr ReadPrivateKey(IntPtr existing, ref IntPtr der, long length);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr NewContext(IntPtr key, IntPtr engine);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int InitDecrypt(IntPtr context);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SetPadding(IntPtr context, int padding);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int Decrypt(IntPtr context, byte[] output, ref nuint outputLength, byte[] input, nuint inputLength);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void Release(IntPtr pointer);

    /// <inheritdoc/>
    public string AlgorithmName => "RSA";

    /// <summary>Whether this machine's OpenSSL can be used.</summary>
    public static bool IsAvailable => Library.Value is not null;

    /// <summary>An engine for the key, or null when OpenSSL 3 is not available or does not take the key.</summary>
    /// <param name="rsa">The private key.</param>
    /// <returns>The engine, or null.</returns>
    public static OpenSslRsa? TryCreate(RSA rsa)
    {
        if (Library.Value is not { } library)
        {
            return null;
        }

        var der = rsa.ExportPkcs8PrivateKey();
        var buffer = Marshal.AllocHGlobal(der.Length);
        try
        {
            Marshal.Copy(der, 0, buffer, der.Length);
            var cursor = buffer;
            var key = library.ReadPrivateKey(IntPtr.Zero, ref cursor, der.Length);
            return key == IntPtr.Zero ? null : new OpenSslRsa(key, (rsa.KeySize + 7) / 8);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
            Marshal.Copy(new byte[der.Length], 0, buffer, der.Length);
            Marshal.FreeHGlobal(buffer);
        }
    }

    /// <inheritdoc/>
    public void Init(bool forEncryption, ICipherParameters parameters)
    {
        if (forEncryption)
        {
            throw new NotSupportedException("the OpenSSL engine only decrypts; sealing uses the public key");
        }
    }

    /// <inheritdoc/>
    public int GetInputBlockSize() => size;

    /// <inheritdoc/>
    public int GetOutputBlockSize() => size - 1;

    /// <summary>
    /// The raw decryption of one block, with its leading zero bytes dropped, exactly as BouncyCastle's RSA engine
    /// returns it (the OAEP decoding right-aligns it).
    /// </summary>
    /// <param name="inBuf">The buffer.</param>
    /// <param name="inOff">Where the block starts.</param>
    /// <param name="inLen">The block's length.</param>
    /// <returns>The decrypted block.</returns>
    /// <exception cref="DataLengthException">The block is longer than the key, or not below its modulus.</exception>
    public byte[] ProcessBlock(byte[] inBuf, int inOff, int inLen)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (inLen > size)
        {
            throw new DataLengthException("input too large for RSA cipher.");
        }

        var library = Library.Value!;
        var input = new byte[size];
        Array.Copy(inBuf, inOff, input, size - inLen, inLen);
        var output = new byte[size];
        var context = library.NewContext(key, IntPtr.Zero);
        if (context == IntPtr.Zero)
        {
            throw new CryptographicException("OpenSSL could not start an RSA operation");
        }

        try
        {
            nuint length = (nuint)output.Length;
            if (library.InitDecrypt(context) <= 0 || library.SetPadding(context, NoPadding) <= 0 || library.Decrypt(context, output, ref length, input, (nuint)input.Length) <= 0)
            {
                throw new DataLengthException("input too large for RSA cipher."); // OpenSSL refuses a value not below the modulus.
            }

            var start = 0;
            while (start < (int)length && output[start] == 0)
            {
                start++;
            }

            return output[start..(int)length];
        }
        finally
        {
            library.FreeContext(context);
            CryptographicOperations.ZeroMemory(output);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (!disposed)
        {
            disposed = true;
            Library.Value?.FreeKey(key);
        }
    }

    private sealed record Functions(ReadPrivateKey ReadPrivateKey, NewContext NewContext, InitDecrypt InitDecrypt, SetPadding SetPadding, Decrypt Decrypt, Release FreeContext, Release FreeKey)
    {
        public static Functions? Load()
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }

            if (!NativeLibrary.TryLoad("libcrypto.so.3", typeof(OpenSslRsa).Assembly, null, out var handle))
            {
                return null;
            }

            T? Get<T>(string name)
                where T : Delegate => NativeLibrary.TryGetExport(handle, name, out var address) ? Marshal.GetDelegateForFunctionPointer<T>(address) : null;

            // OpenSSL 3 exports EVP_PKEY_CTX_set_rsa_padding as a function (1.1 had a macro): its absence means no OpenSSL 3.
            return Get<ReadPrivateKey>("d2i_AutoPrivateKey") is { } read
                && Get<NewContext>("EVP_PKEY_CTX_new") is { } context
                && Get<InitDecrypt>("EVP_PKEY_decrypt_init") is { } init
                && Get<SetPadding>("EVP_PKEY_CTX_set_rsa_padding") is { } padding
                && Get<Decrypt>("EVP_PKEY_decrypt") is { } decrypt
                && Get<Release>("EVP_PKEY_CTX_free") is { } freeContext
                && Get<Release>("EVP_PKEY_free") is { } freeKey
                ? new Functions(read, context, init, padding, decrypt, freeContext, freeKey)
                : null;
        }
    }
}
