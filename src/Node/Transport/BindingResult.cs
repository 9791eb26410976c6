using FedChain.Node.Identity;

namespace FedChain.Node.Transport;

/// <summary>The outcome of checking a certificate's key binding: the proven address, or why none.</summary>
public readonly record struct BindingResult(bool IsValid, NodeAddress Address, string? Failure)
{
    public static BindingResult Ok(NodeAddress address) => new(true, address, null);

    public static BindingResult Fail(string failure) => new(false, default, failure);
}
