namespace FedChain.Node.Identity;

/// <summary>Parses fixed-length hex identifiers (addresses, content ids) into their lower-case form.</summary>
internal static class FixedHex
{
    /// <summary>True when <paramref name="text"/> is exactly <paramref name="byteLength"/> bytes of hex, after an
    /// optional (or, with <paramref name="requirePrefix"/>, required) "0x".</summary>
    public static bool TryNormalise(string? text, int byteLength, bool requirePrefix, out string lowerHex)
    {
        lowerHex = "";
        if (text is null) return false;
        var prefixed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (requirePrefix && !prefixed) return false;
        var hex = prefixed ? text.AsSpan(2) : text.AsSpan();
        if (hex.Length != 2 * byteLength) return false;
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c)) return false;
        }

        lowerHex = hex.ToString().ToLowerInvariant();
        return true;
    }
}
