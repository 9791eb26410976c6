namespace FedChain.Learning.SecureAggregation.Crypto;

/// <summary>
/// Arithmetic in GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1 (FIPS 197, §4.2), through
/// log and antilog tables over the generator 3.
/// </summary>
internal static class Gf256
{
    private static readonly byte[] Exp = new byte[510];
    private static readonly byte[] Log = new byte[256];

    static Gf256()
    {
        var value = 1;
        for (var power = 0; power < 255; power++)
        {
            Exp[power] = Exp[power + 255] = (byte)value;
            Log[value] = (byte)power;
            value ^= value << 1; // multiply by the generator 3 = x + 1
            if ((value & 0x100) != 0) value ^= 0x11B;
        }
    }

    public static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    public static byte Divide(byte a, byte b)
    {
        if (b == 0) throw new DivideByZeroException("division by zero in GF(256)");
        return a == 0 ? (byte)0 : Exp[Log[a] + 255 - Log[b]];
    }
}
