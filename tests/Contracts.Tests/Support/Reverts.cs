using FedChain.Contracts.Client;

namespace FedChain.Contracts.Tests.Support;

internal static class Reverts
{
    /// <summary>Asserts the action reverts with the named custom error and returns the decoded revert.</summary>
    public static async Task<DecodedRevert> AssertRevertsAsync(string errorName, Func<Task> action)
    {
        var e = await Assert.ThrowsAsync<ContractRevertException>(action);
        Assert.Equal(errorName, e.ErrorName);
        return e.Revert;
    }
}
