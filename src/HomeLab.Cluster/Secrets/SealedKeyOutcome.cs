namespace HomeLab.Cluster.Secrets;

/// <summary>What sealing did to one key of a SealedSecret.</summary>
public enum SealedKeyOutcome
{
    /// <summary>The key is new: sealed.</summary>
    Added,

    /// <summary>Decryption with the private key proved the value unchanged: the existing ciphertext was kept, byte for byte.</summary>
    Unchanged,

    /// <summary>The value changed (proved by decryption): sealed anew.</summary>
    Updated,

    /// <summary>
    /// No private key to compare with: the existing ciphertext was kept and the given value ignored. Pass the private key
    /// to compare, or force to re-seal.
    /// </summary>
    KeptUnverified,

    /// <summary>Sealed anew although it may be unchanged: forced, the scope, namespace or name changed, or the old value was unusable.</summary>
    Resealed,

    /// <summary>The key was not given; its existing ciphertext was kept.</summary>
    Untouched,

    /// <summary>The key was not given and pruning was asked for: removed.</summary>
    Removed,
}
