using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.KeyStore.Model;

namespace FedChain.Node.Identity;

/// <summary>
/// Reads and writes an institution's key as a Web3 Secret Storage (keystore v3) file behind a
/// passphrase, the format geth and wallets use, through Nethereum.KeyStore.
/// </summary>
public static class NodeKeystore
{
    /// <summary>Scrypt cost the way geth's "light" keystores set it: fast enough for tests and demos.</summary>
    public static ScryptParams Light => new() { Dklen = 32, N = 1 << 12, R = 8, P = 6 };

    /// <summary>Writes <paramref name="key"/> to <paramref name="path"/>, encrypted under <paramref name="passphrase"/>.
    /// Without <paramref name="scrypt"/>, Nethereum's default (standard geth) cost applies. The file is mode 0600.</summary>
    public static void Save(string path, NodeKey key, string passphrase, ScryptParams? scrypt = null)
    {
        var service = new KeyStoreScryptService();
        var privateKey = key.ExportPrivateKey();
        var json = scrypt is null
            ? service.EncryptAndGenerateKeyStoreAsJson(passphrase, privateKey, key.Address.ToString())
            : service.EncryptAndGenerateKeyStoreAsJson(passphrase, privateKey, key.Address.ToString(), scrypt);
        Array.Clear(privateKey);
        PrivateFile.WriteAllText(path, json);
    }

    /// <summary>Decrypts the key in <paramref name="path"/>. Errors name the file and what is wrong with it.</summary>
    public static NodeKey Load(string path, string passphrase)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"keystore {path} does not exist", path);
        var json = File.ReadAllText(path);
        byte[] privateKey;
        try
        {
            privateKey = new KeyStoreService().DecryptKeyStoreFromJson(passphrase, json);
        }
        catch (DecryptionException e)
        {
            throw new InvalidDataException($"keystore {path}: wrong passphrase, or the file is corrupt ({e.Message})", e);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or ArgumentException or FormatException or NullReferenceException)
        {
            throw new InvalidDataException($"keystore {path}: not a Web3 Secret Storage file ({e.Message})", e);
        }

        try
        {
            var key = NodeKey.FromPrivateKey(privateKey);
            var declared = new KeyStoreService().GetAddressFromKeyStore(json);
            if (NodeAddress.TryParse(NormaliseAddress(declared), out var address) && address != key.Address)
            {
                key.Dispose();
                throw new InvalidDataException($"keystore {path}: declares address {declared} but holds the key of {key.Address}");
            }

            return key;
        }
        finally
        {
            Array.Clear(privateKey);
        }
    }

    private static string? NormaliseAddress(string? address) =>
        address is null || address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? address : "0x" + address;
}
