namespace FedChain.Learning.SecureAggregation.Messages;

/// <summary>Which of a member's two secrets a revealed share belongs to. A member's two are never both revealed.</summary>
public enum RevealedSecret : byte
{
    /// <summary>b_u, revealed for survivors so their self-mask can be removed.</summary>
    SelfMaskSeed = 1,

    /// <summary>s_u^SK, revealed for members who dropped after sharing, so their pairwise masks can be removed.</summary>
    MaskKey = 2,
}
