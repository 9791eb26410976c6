namespace FedChain.Contracts.Client;

/// <summary>A revert decoded against the FedChain contracts' ABIs: <c>NotParticipant(planId: 1, account: 0x…)</c>.</summary>
/// <param name="Name">Custom error name, <c>Error</c> (reason string), <c>Panic</c>, or <c>Unknown</c>.</param>
/// <param name="Arguments">Argument names and decoded values, in order.</param>
/// <param name="Data">The raw revert data (hex), empty when the node returned none.</param>
public sealed record DecodedRevert(string Name, IReadOnlyList<KeyValuePair<string, object?>> Arguments, string Data)
{
    /// <summary>The value of the named argument.</summary>
    public object? this[string argument] => Arguments.First(a => a.Key == argument).Value;

    public override string ToString() =>
        $"{Name}({string.Join(", ", Arguments.Select(a => $"{a.Key}: {Format(a.Value)}"))})";

    private static string Format(object? value) => value switch
    {
        byte[] bytes => "0x" + Convert.ToHexStringLower(bytes),
        string s => $"\"{s}\"",
        null => "null",
        _ => value.ToString() ?? "",
    };
}
