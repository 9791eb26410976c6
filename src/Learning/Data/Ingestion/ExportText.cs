using System.Text;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>Opens an export as text in its declared encoding, skipping a byte-order mark that agrees with it.</summary>
internal static class ExportText
{
    static ExportText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A reader positioned after any byte-order mark; null with <paramref name="error"/> when the mark contradicts the declared encoding.</summary>
    public static StreamReader? Open(string path, string declared, out string? byteOrderMark, out string? error)
    {
        var bytes = new byte[3];
        var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(bytes, 3, throwOnEndOfStream: false);
        (byteOrderMark, var length, var family) = read switch
        {
            >= 3 when bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF => ("UTF-8", 3, "utf-8"),
            >= 2 when bytes[0] == 0xFF && bytes[1] == 0xFE => ("UTF-16 little-endian", 2, "utf-16"),
            >= 2 when bytes[0] == 0xFE && bytes[1] == 0xFF => ("UTF-16 big-endian", 2, "utf-16"),
            _ => ((string?)null, 0, (string?)null),
        };
        var name = declared.ToLowerInvariant();
        error = null;
        if (family is not null && family != name)
        {
            stream.Dispose();
            error = $"the file starts with a {byteOrderMark} byte-order mark but the mapping's format.encoding is '{declared}'";
            return null;
        }

        stream.Position = length;
        Encoding encoding = name switch
        {
            "utf-16" => bytes[0] == 0xFE ? new UnicodeEncoding(bigEndian: true, byteOrderMark: false) : new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
            "latin-1" => Encoding.Latin1,
            "windows-1252" => Encoding.GetEncoding(1252),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false);
    }
}
