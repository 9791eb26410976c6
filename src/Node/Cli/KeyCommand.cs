using System.CommandLine;
using System.Security.Cryptography;
using FedChain.Node.Governance;
using FedChain.Node.Identity;

namespace FedChain.Node.Cli;

/// <summary>`fedchain key ...`: an institution's own key.</summary>
internal static class KeyCommand
{
    public static Command Build()
    {
        var command = new Command("key", "Make or inspect an institution's key (a Web3 Secret Storage keystore, mode 0600).");
        command.Subcommands.Add(New());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command New()
    {
        var output = new Option<FileInfo>("--out") { Description = "Where to write the keystore (mode 0600).", Required = true };
        var passphraseFile = new Option<FileInfo?>("--passphrase-file") { Description = "The passphrase to encrypt under; a new random one is written here (mode 0600) when the file does not exist." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing keystore (its key is lost)." };
        var light = new Option<bool>("--light") { Description = "A cheaper scrypt cost (geth's light keystore): for tests and demos, not for production keys." };
        var command = new Command("new", "Generate a fresh secp256k1 key, write it as an encrypted keystore (mode 0600) and print its address.")
        {
            output, passphraseFile, force, light,
        };
        command.SetAction(parse => InputErrors.Guard(parse, () =>
        {
            var file = parse.GetValue(output)!;
            if (file.Exists && !parse.GetValue(force)) throw new ArgumentException($"{file.FullName} exists already; pass --force to replace it (its key would be lost)");
            var passphrase = PassphraseFor(file.FullName, parse.GetValue(passphraseFile));
            using var key = NodeKey.Generate();
            NodeKeystore.Save(file.FullName, key, passphrase, parse.GetValue(light) ? NodeKeystore.Light : null);
            parse.InvocationConfiguration.Output.WriteLine(key.Address.ToString());
            parse.InvocationConfiguration.Error.WriteLine($"wrote {file.FullName} (mode 0600)");
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var keystore = new Option<FileInfo>("--keystore") { Description = "The keystore to read.", Required = true };
        var passphraseFile = new Option<FileInfo?>("--passphrase-file") { Description = $"Its passphrase (else ${CallerSession.PassphraseVariable})." };
        var command = new Command("show", "Decrypt a keystore and print its address (checks the passphrase).") { keystore, passphraseFile };
        command.SetAction(parse => InputErrors.Guard(parse, () =>
        {
            var file = parse.GetValue(keystore)!.FullName;
            using var key = NodeKeystore.Load(file, CallerSession.ReadPassphrase(file, parse.GetValue(passphraseFile)?.FullName));
            parse.InvocationConfiguration.Output.WriteLine(key.Address.ToString());
            if (PrivateFile.IsExposed(file)) parse.InvocationConfiguration.Error.WriteLine($"warning: {file} is readable by others; chmod 600 it");
            return 0;
        }));
        return command;
    }

    /// <summary>The passphrase from the file, or a new random one written there; without a file, $FEDCHAIN_KEY_PASSPHRASE.</summary>
    private static string PassphraseFor(string keystore, FileInfo? file)
    {
        if (file is null) return CallerSession.ReadPassphrase(keystore, null);
        if (file.Exists) return CallerSession.ReadPassphrase(keystore, file.FullName);
        var passphrase = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        PrivateFile.WriteAllText(file.FullName, passphrase + "\n");
        return passphrase;
    }
}
